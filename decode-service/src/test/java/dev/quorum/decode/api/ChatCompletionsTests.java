// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.decode.DecodeTestSetup;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import dev.quorum.serving.kv.KvChunks;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ChatCompletionsTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String QUESTION = "Tom has 427 shells. He gives away 188. How many shells does Tom have now?";

	@Autowired
	WebTestClient client;

	@Autowired
	ModelRegistry models;

	@Autowired
	KvChunks kv;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DecodeTestSetup.wire(registry, TestRedis.shared());
	}

	@Test
	void greedyCompletionIsWhatTheEngineGeneratesForTheTemplatedPrompt() {
		JsonNode response = post(body(Map.of("max_tokens", 12, "temperature", 0)));
		assertThat(response.path("object").asString()).isEqualTo("chat.completion");
		assertThat(response.path("id").asString()).startsWith("chatcmpl-");
		assertThat(response.path("model").asString()).isEqualTo("fixture");
		JsonNode choice = response.path("choices").get(0);
		assertThat(choice.path("index").asInt()).isZero();
		assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
		assertThat(choice.path("finish_reason").asString()).isIn("length", "stop");
		ServedModel model = this.models.get("fixture");
		String prompt = model.chatTemplate().render(List.of(new ChatMessage("user", QUESTION)), true);
		int[] tokens = model.tokenizer().encode(prompt, true, true);
		assertThat(choice.path("message").path("content").asString()).isEqualTo(engineGreedy(model, tokens, 12));
		JsonNode usage = response.path("usage");
		assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(tokens.length);
		assertThat(usage.path("total_tokens").asInt())
			.isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
	}

	@Test
	void aRepeatedPromptReportsCachedTokens() {
		Map<String, Object> extra = Map.of("max_tokens", 2, "temperature", 0);
		post(body(extra));
		JsonNode second = post(body(extra));
		assertThat(second.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isGreaterThan(0);
	}

	@Test
	void chunksOfAPromptPrefilledHereArePublishedToRedisBehindTheResponse() {
		String question = "Lucy has 84 coins. She finds 411 more. She sells 8. She gets 16 more. How many now?";
		Map<String, Object> body = new java.util.LinkedHashMap<>(body(Map.of("max_tokens", 2, "temperature", 0)));
		body.put("messages", List.of(Map.of("role", "user", "content", question)));
		post(body);
		ServedModel model = this.models.get("fixture");
		int[] tokens = model.tokenizer()
			.encode(model.chatTemplate().render(List.of(new ChatMessage("user", question)), true), true, true);
		List<String> keys = this.kv.of("fixture").chunks(tokens).stream().map((ref) -> ref.key()).toList();
		assertThat(keys).isNotEmpty();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.redis.countExistingKeys(keys).block()).isEqualTo(keys.size()));
	}

	@Test
	void nChoicesAreIndexedAndCountedOnce() {
		JsonNode response = post(body(Map.of("n", 3, "max_tokens", 5, "temperature", 0.9, "seed", 7)));
		List<Integer> indexes = new ArrayList<>();
		response.path("choices").forEach((c) -> indexes.add(c.path("index").asInt()));
		assertThat(indexes).containsExactly(0, 1, 2);
		assertThat(response.path("usage").path("completion_tokens").asInt()).isLessThanOrEqualTo(15).isGreaterThan(0);
		JsonNode again = post(body(Map.of("n", 3, "max_tokens", 5, "temperature", 0.9, "seed", 7)));
		assertThat(again.path("choices")).isEqualTo(response.path("choices"));
	}

	@Test
	void streamIsFramedLikeOpenAiAndSaysTheSameAsTheWholeResponse() {
		String whole = post(body(Map.of("max_tokens", 10, "temperature", 0))).path("choices")
			.get(0)
			.path("message")
			.path("content")
			.asString();
		String raw = this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body(Map.of("max_tokens", 10, "temperature", 0, "stream", true, "stream_options",
					Map.of("include_usage", true))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).endsWith("data: [DONE]\n\n");
		String[] frames = raw.split("\n\n");
		List<JsonNode> chunks = new ArrayList<>();
		for (String frame : frames) {
			assertThat(frame).startsWith("data: ");
			if (!frame.equals("data: [DONE]")) {
				chunks.add(json.readTree(frame.substring(6)));
			}
		}
		String id = chunks.get(0).path("id").asString();
		assertThat(chunks).allSatisfy((c) -> {
			assertThat(c.path("id").asString()).isEqualTo(id);
			assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
		});
		assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
		StringBuilder content = new StringBuilder();
		String finish = null;
		for (JsonNode c : chunks) {
			for (JsonNode choice : c.path("choices")) {
				content.append(choice.path("delta").path("content").asString(""));
				if (!choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode()) {
					finish = choice.path("finish_reason").asString();
				}
			}
		}
		assertThat(content.toString()).isEqualTo(whole);
		assertThat(finish).isIn("length", "stop");
		JsonNode last = chunks.get(chunks.size() - 1);
		assertThat(last.path("choices")).isEmpty();
		assertThat(last.path("usage").path("completion_tokens").asInt()).isPositive();
	}

	@Test
	void logprobsCarryTheChosenTokenAndItsAlternatives() {
		JsonNode response = post(body(Map.of("max_tokens", 4, "temperature", 0, "logprobs", true, "top_logprobs", 3)));
		JsonNode content = response.path("choices").get(0).path("logprobs").path("content");
		assertThat(content.size()).isBetween(1, 4);
		for (JsonNode entry : content) {
			assertThat(entry.path("logprob").asDouble()).isLessThanOrEqualTo(0);
			assertThat(entry.path("top_logprobs").size()).isEqualTo(3);
			assertThat(entry.path("bytes").isArray()).isTrue();
			// greedy: the chosen token is the most likely alternative
			assertThat(entry.path("logprob").asDouble())
				.isEqualTo(entry.path("top_logprobs").get(0).path("logprob").asDouble());
		}
	}

	@Test
	void maxTokensEndsWithLengthAndStopStringsAreNeverEmitted() {
		JsonNode limited = post(body(Map.of("max_tokens", 1, "temperature", 0)));
		assertThat(limited.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
		assertThat(limited.path("usage").path("completion_tokens").asInt()).isEqualTo(1);
		String text = post(body(Map.of("max_tokens", 20, "temperature", 0))).path("choices")
			.get(0)
			.path("message")
			.path("content")
			.asString();
		String stop = text.substring(3, 5);
		JsonNode stopped = post(body(Map.of("max_tokens", 20, "temperature", 0, "stop", List.of(stop))));
		JsonNode choice = stopped.path("choices").get(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(choice.path("message").path("content").asString()).isEqualTo(text.substring(0, text.indexOf(stop)));
	}

	@Test
	void badRequestsGetOpenAiErrorsNamingTheField() {
		error(Map.of("model", "nope", "messages", List.of(Map.of("role", "user", "content", "hi"))), 404, "model");
		error(body(Map.of("temperature", 3)), 400, "temperature");
		error(body(Map.of("n", 100)), 400, "n");
		error(body(Map.of("max_tokens", 0)), 400, "max_tokens");
		error(body(Map.of("max_tokens", 100000)), 400, "max_tokens");
		error(body(Map.of("frobnicate", true)), 400, "frobnicate");
		error(body(Map.of("tools", List.of(Map.of("type", "function")))), 400, "tools");
		error(Map.of("model", "fixture", "messages", List.of()), 400, "messages");
		error(Map.of("model", "fixture", "messages", List.of(Map.of("role", "user", "content", "x".repeat(5000)))), 400,
				"messages");
		this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"model\": \"fixture\", \"messages\": [")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error");
		this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[] { '{', '"', 'm', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' })
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aClientThatGoesAwayMidStreamHasItsSequenceCancelledAndItsKvFreed() {
		ServedModel model = this.models.get("fixture");
		int before = model.engine().metrics().runningSequences();
		this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body(Map.of("max_tokens", 400, "temperature", 0.7, "stream", true, "n", 2)))
			.exchange()
			.returnResult(String.class)
			.getResponseBody()
			.take(3)
			.blockLast(Duration.ofSeconds(30));
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(model.engine().metrics().runningSequences()).isEqualTo(before);
			// cached prefix blocks stay reusable but count as free: nothing is held
			assertThat(model.engine().metrics().usedBlocks()).isZero();
		});
	}

	private void error(Map<String, Object> body, int status, String param) {
		this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo(param);
	}

	private JsonNode post(Map<String, Object> body) {
		byte[] bytes = this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(bytes);
	}

	static Map<String, Object> body(Map<String, Object> extra) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("model", "fixture");
		body.put("messages", List.of(Map.of("role", "user", "content", QUESTION)));
		body.putAll(extra);
		return body;
	}

	static String engineGreedy(ServedModel model, int[] tokens, int maxTokens) {
		StringBuilder text = new StringBuilder();
		GenerationEvent.Completed done = model.engine()
			.submit(GenerationRequest.of(tokens, SamplingParams.greedy(maxTokens)), (event) -> {
				if (event instanceof GenerationEvent.Token t) {
					text.append(t.text());
				}
				else if (event instanceof GenerationEvent.ChoiceFinished f) {
					text.append(f.text());
				}
			})
			.completion()
			.join();
		assertThat(done.error()).isNull();
		return text.toString();
	}

}
