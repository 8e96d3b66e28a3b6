// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.decode.DecodeTestSetup;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legacy completions, models and tokenize — the endpoints the ensemble uses for
 * CoT-decoding.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class CompletionsTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String PROMPT = "Q: Anna has 1 stickers. She gets 121 more. How many stickers does Anna have now?\nA:\n";

	@Autowired
	WebTestClient client;

	@Autowired
	ModelRegistry models;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DecodeTestSetup.wire(registry, TestRedis.shared());
	}

	@Test
	void tokenIdPromptsWithLegacyLogprobs() {
		int[] tokens = tokenize(Map.of("model", "fixture", "prompt", PROMPT));
		JsonNode response = post("/v1/completions",
				Map.of("model", "fixture", "prompt", tokens, "max_tokens", 6, "temperature", 0, "logprobs", 2));
		assertThat(response.path("object").asString()).isEqualTo("text_completion");
		JsonNode choice = response.path("choices").get(0);
		JsonNode logprobs = choice.path("logprobs");
		int generated = response.path("usage").path("completion_tokens").asInt();
		assertThat(logprobs.path("tokens").size()).isEqualTo(generated);
		assertThat(logprobs.path("token_logprobs").size()).isEqualTo(generated);
		assertThat(logprobs.path("top_logprobs").get(0).size()).isBetween(1, 2);
		assertThat(logprobs.path("text_offset").get(0).asInt()).isZero();
		assertThat(response.path("usage").path("prompt_tokens").asInt()).isEqualTo(tokens.length);
		// a text prompt tokenises to the same ids, so it completes the same way
		JsonNode fromText = post("/v1/completions",
				Map.of("model", "fixture", "prompt", PROMPT, "max_tokens", 6, "temperature", 0));
		assertThat(fromText.path("choices").get(0).path("text").asString()).isEqualTo(choice.path("text").asString());
	}

	@Test
	void severalPromptsTimesNChoicesAreIndexedPromptMajor() {
		JsonNode response = post("/v1/completions", Map.of("model", "fixture", "prompt",
				List.of(PROMPT, "Q: 2+2?\nA:\n"), "n", 2, "max_tokens", 3, "temperature", 0.8, "seed", 1));
		List<Integer> indexes = new ArrayList<>();
		response.path("choices").forEach((c) -> indexes.add(c.path("index").asInt()));
		assertThat(indexes).containsExactly(0, 1, 2, 3);
	}

	@Test
	void branchingMakesOneGreedyChoicePerLikelyFirstToken() {
		int[] tokens = tokenize(Map.of("model", "fixture", "prompt", PROMPT));
		JsonNode first = post("/v1/completions",
				Map.of("model", "fixture", "prompt", tokens, "max_tokens", 1, "temperature", 0, "logprobs", 5));
		List<String> ranked = new ArrayList<>();
		first.path("choices")
			.get(0)
			.path("logprobs")
			.path("top_logprobs")
			.get(0)
			.properties()
			.forEach((e) -> ranked.add(e.getKey()));
		JsonNode branched = post("/v1/completions", Map.of("model", "fixture", "prompt", tokens, "max_tokens", 5,
				"temperature", 0, "logprobs", 2, "quorum_branching", Map.of("k", 3)));
		JsonNode choices = branched.path("choices");
		assertThat(choices.size()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			assertThat(choices.get(i).path("index").asInt()).isEqualTo(i);
			assertThat(choices.get(i).path("logprobs").path("tokens").get(0).asString()).isEqualTo(ranked.get(i));
		}
		JsonNode greedy = post("/v1/completions",
				Map.of("model", "fixture", "prompt", tokens, "max_tokens", 5, "temperature", 0));
		assertThat(choices.get(0).path("text").asString())
			.isEqualTo(greedy.path("choices").get(0).path("text").asString());
		// a floor above every alternative leaves only the most likely branch
		JsonNode floored = post("/v1/completions", Map.of("model", "fixture", "prompt", tokens, "max_tokens", 2,
				"temperature", 0, "quorum_branching", Map.of("k", 5, "min_probability", 1.0)));
		assertThat(floored.path("choices").size()).isEqualTo(1);
	}

	@Test
	void modelsListTheServedModelWithItsContextLength() {
		JsonNode list = get("/v1/models");
		assertThat(list.path("object").asString()).isEqualTo("list");
		assertThat(list.path("data").get(0).path("id").asString()).isEqualTo("fixture");
		assertThat(list.path("data").get(0).path("max_model_len").asInt())
			.isEqualTo(this.models.get("fixture").contextLength());
		assertThat(get("/v1/models/fixture").path("object").asString()).isEqualTo("model");
		this.client.get()
			.uri("/v1/models/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("model_not_found");
	}

	@Test
	void tokenizeAppliesTheChatTemplateToMessages() {
		int[] fromMessages = tokenize(Map.of("model", "fixture", "messages", List.of(Map.of("role", "user", "content",
				"Anna has 1 stickers. She gets 121 more. How many stickers does Anna have now?"))));
		int[] fromPrompt = tokenize(Map.of("model", "fixture", "prompt", PROMPT));
		assertThat(fromMessages).containsExactly(fromPrompt);
	}

	@Test
	void badTokenIdsAreRejectedNamingThePrompt() {
		this.client.post()
			.uri("/v1/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("model", "fixture", "prompt", List.of(1, 999999)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("prompt");
	}

	private int[] tokenize(Map<String, Object> body) {
		JsonNode response = post("/v1/tokenize", body);
		int[] ids = new int[response.path("tokens").size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = response.path("tokens").get(i).asInt();
		}
		assertThat(response.path("count").asInt()).isEqualTo(ids.length);
		return ids;
	}

	private JsonNode get(String path) {
		return json.readTree(this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

	private JsonNode post(String path, Map<String, Object> body) {
		return json.readTree(this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
	}

}
