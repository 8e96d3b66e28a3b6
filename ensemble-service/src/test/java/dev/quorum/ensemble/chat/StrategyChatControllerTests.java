// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.quorum.ensemble.WireTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI facade: strategy models and the {@code quorum} object on
 * {@code /v1/chat/completions}, plain and streamed, with multi-turn history.
 */
class StrategyChatControllerTests extends WireTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String USER = "{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}";

	private WebTestClient.ResponseSpec post(String body) {
		return this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private JsonNode completion(String body) {
		return json.readTree(post(body).expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	@Test
	void aStrategyModelAnswersWithTheChosenCandidateAndTheVoteSummary() {
		JsonNode r = completion("{\"model\":\"sc-8/tiny-reasoner\",\"messages\":[" + USER + "]}");
		assertThat(r.path("object").asString()).isEqualTo("chat.completion");
		assertThat(r.path("model").asString()).isEqualTo("sc-8/tiny-reasoner");
		assertThat(r.path("choices")).hasSize(1);
		assertThat(r.path("choices").get(0).path("message").path("content").asString()).isEqualTo(RIGHT);
		assertThat(r.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		JsonNode quorum = r.path("quorum");
		assertThat(quorum.path("answer").asString()).isEqualTo("4");
		assertThat(quorum.path("strategy_applied").asString()).isEqualTo("self-consistency");
		assertThat(quorum.path("samples_used").asInt()).isEqualTo(8);
		assertThat(quorum.path("votes").path("4").path("count").asInt()).isEqualTo(4);
		assertThat(quorum.path("candidates").get(0).has("text")).isFalse();
		assertThat(quorum.has("id")).isFalse();
		assertThat(r.path("usage").path("completion_tokens").asInt())
			.isEqualTo(quorum.path("usage").path("completion_tokens").asInt());
	}

	@Test
	void theQuorumObjectChoosesTheStrategyForAPlainModel() {
		JsonNode r = completion("{\"model\":\"tiny-reasoner\",\"messages\":[" + USER + "],"
				+ "\"quorum\":{\"strategy\":\"cot-decoding\",\"cot_decoding\":{\"min_probability\":0.3}}}");
		// the floor of 0.3 drops the step-by-step branch (p = 0.2)
		assertThat(r.path("quorum").path("answer").asString()).isEqualTo("5");
		assertThat(decode.calls("/v1/completions")
			.getFirst()
			.body()
			.path("quorum_branching")
			.path("min_probability")
			.asDouble()).isEqualTo(0.3);
		JsonNode ensemble = completion("{\"model\":\"tiny-reasoner\",\"messages\":[" + USER + "],"
				+ "\"quorum\":{\"strategy\":\"ensemble\",\"models\":[\"tiny-reasoner\",{\"name\":\"ext\",\"n\":1}],\"n\":2}}");
		assertThat(ensemble.path("quorum").path("samples_used").asInt()).isEqualTo(3);
	}

	@Test
	void earlierTurnsPassThroughAndTheStrategyActsOnTheLastOne() {
		completion("{\"model\":\"cot/tiny-reasoner\",\"temperature\":0,\"seed\":5,\"max_tokens\":100,\"messages\":["
				+ "{\"role\":\"system\",\"content\":\"Be exact.\"},{\"role\":\"user\",\"content\":\"1+1?\"},"
				+ "{\"role\":\"assistant\",\"content\":\"The answer is 2.\"}," + USER + "]}");
		JsonNode sent = decode.calls("/v1/chat/completions").getFirst().body();
		assertThat(sent.path("messages"))
			.extracting((m) -> m.path("role").asString() + "|" + m.path("content").asString())
			.containsExactly("system|Be exact.", "user|1+1?", "assistant|The answer is 2.",
					"user|" + QUESTION + "\nLet's think step by step.");
		assertThat(sent.path("max_tokens").asInt()).isEqualTo(100);
	}

	@Test
	void streamingSendsTheRoleAtOnceThenTheChosenTextTheSummaryAndUsage() {
		byte[] body = post("{\"model\":\"sc-4/tiny-reasoner\",\"stream\":true,"
				+ "\"stream_options\":{\"include_usage\":true},\"messages\":[" + USER + "]}")
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		List<String> frames = List.of(new String(body, StandardCharsets.UTF_8).split("\n\n"));
		assertThat(frames).allSatisfy((f) -> assertThat(f).startsWith("data: "));
		assertThat(frames.getLast()).isEqualTo("data: [DONE]");
		List<JsonNode> chunks = frames.subList(0, frames.size() - 1)
			.stream()
			.map((f) -> json.readTree(f.substring(6)))
			.toList();
		assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("role").asString())
			.isEqualTo("assistant");
		StringBuilder text = new StringBuilder();
		chunks.forEach((c) -> text.append(c.path("choices").path(0).path("delta").path("content").asString("")));
		assertThat(text.toString()).isEqualTo(RIGHT);
		JsonNode finish = chunks.get(chunks.size() - 2);
		assertThat(finish.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		assertThat(finish.path("quorum").path("answer").asString()).isEqualTo("4");
		assertThat(chunks.getLast().path("choices")).isEmpty();
		assertThat(chunks.getLast().path("usage").path("total_tokens").asInt()).isPositive();
		assertThat(chunks).extracting((c) -> c.path("object").asString()).containsOnly("chat.completion.chunk");
	}

	@Test
	void whatASingleChoiceCannotHonourIsRefusedNamingTheField() {
		Map<String, String> cases = Map.of("\"n\":2", "n", "\"logprobs\":true", "logprobs", "\"stop\":[\"x\"]", "stop",
				"\"top_p\":0.5", "top_p", "\"quorum\":{\"strategy\":\"cot\"}", "quorum.strategy",
				"\"quorum\":{\"verbose\":true}", "quorum.verbose");
		cases.forEach(
				(field, param) -> post("{\"model\":\"sc-8/tiny-reasoner\",\"messages\":[" + USER + "]," + field + "}")
					.expectStatus()
					.isBadRequest()
					.expectBody()
					.jsonPath("$.error.param")
					.isEqualTo(param));
	}

	@Test
	void malformedOrUnknownStrategyModelsAndAMissingQuestionAreRefused() {
		post("{\"model\":\"sc-x/tiny-reasoner\",\"messages\":[" + USER + "]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("model")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("<strategy>[-<n>]/<model>"));
		post("{\"model\":\"sc-8/nope\",\"messages\":[" + USER + "]}").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("model_not_found");
		post("{\"model\":\"greedy/tiny-reasoner+tiny-reasoner-b\",\"messages\":[" + USER + "]}").expectStatus()
			.isBadRequest();
		post("{\"model\":\"sc-8/tiny-reasoner\",\"messages\":[" + USER
				+ ",{\"role\":\"assistant\",\"content\":\"Hm.\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("messages[1].role");
		assertThat(decode.calls()).isEmpty();
	}

}
