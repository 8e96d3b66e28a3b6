// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.time.Duration;
import java.util.Map;

import dev.quorum.ensemble.FakeOpenAi.Reply;
import dev.quorum.ensemble.WireTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/reason} on the wire, every strategy against scripted backends: the
 * response's shape and numbers, degraded answers, deadlines and garbage.
 */
class ReasonControllerTests extends WireTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private WebTestClient.ResponseSpec post(String body) {
		return this.client.post()
			.uri("/v1/reason")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Request-Id", "req-test-1")
			.bodyValue(body)
			.exchange();
	}

	private JsonNode reason(String fields) {
		byte[] body = post("{\"question\":\"" + QUESTION + "\"," + fields + "}").expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(body);
	}

	@Test
	void greedyAnswersDirectlyWithTheAnswerSpanMarginAsConfidence() {
		JsonNode r = reason("\"strategy\":\"greedy\"");
		assertThat(r.path("object").asString()).isEqualTo("reasoning.result");
		assertThat(r.path("answer").asString()).isEqualTo("5");
		assertThat(r.path("strategy_applied").asString()).isEqualTo("greedy");
		// every toy token has top1 0.9 and top2 0.05
		assertThat(r.path("confidence").asDouble()).isEqualTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
		JsonNode candidate = r.path("candidates").get(0);
		assertThat(candidate.path("model").asString()).isEqualTo("tiny-reasoner");
		assertThat(candidate.path("text").asString()).isEqualTo(WRONG);
		assertThat(candidate.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(candidate.path("extraction").asString()).isEqualTo("answer_is");
		JsonNode chat = decode.calls("/v1/chat/completions").getFirst().body();
		assertThat(chat.path("messages").get(0).path("content").asString()).isEqualTo(QUESTION + "\nAnswer directly.");
		assertThat(chat.path("temperature").asDouble()).isZero();
		assertThat(decode.calls().getFirst().headers()).containsEntry("x-request-id", "req-test-1");
	}

	@Test
	void cotUsesTheStepByStepPrompt() {
		JsonNode r = reason("\"strategy\":\"cot\"");
		assertThat(r.path("strategy").asString()).isEqualTo("cot");
		JsonNode chat = decode.calls("/v1/chat/completions").getFirst().body();
		assertThat(chat.path("messages").get(0).path("content").asString())
			.isEqualTo(QUESTION + "\nLet's think step by step.");
	}

	@Test
	void selfConsistencyVotesOverSamplesAndCountsTheUnparsed() {
		JsonNode r = reason("\"strategy\":\"self-consistency\",\"n\":8,\"temperature\":0.7");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		assertThat(r.path("votes").path("4").path("count").asInt()).isEqualTo(4);
		assertThat(r.path("votes").path("5").path("count").asInt()).isEqualTo(2);
		assertThat(r.path("unparsed").asInt()).isEqualTo(2);
		assertThat(r.path("confidence").asDouble()).isEqualTo(4.0 / 6);
		assertThat(r.path("samples_used").asInt()).isEqualTo(8);
		assertThat(r.path("stop").path("reason").asString()).isEqualTo("max_samples");
		assertThat(r.path("usage").path("models").get(0).path("samples").asInt()).isEqualTo(8);
		assertThat(r.path("usage").path("completion_tokens").asLong())
			.isEqualTo(2L * (RIGHT.length() * 2 + WRONG.length() + UNPARSED.length()));
		// two waves of four, sampled at the request's temperature
		assertThat(decode.calls("/v1/chat/completions")).extracting((c) -> c.body().path("n").asInt())
			.containsExactly(4, 4);
		assertThat(decode.calls("/v1/chat/completions").getFirst().body().path("temperature").asDouble())
			.isEqualTo(0.7);
	}

	@Test
	void adaptiveStoppingSavesSamplesWhenTheVoteIsDecided() {
		JsonNode r = reason("\"strategy\":\"sc\",\"models\":[\"tiny-reasoner-b\"],\"n\":16");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		assertThat(r.path("samples_used").asInt()).isEqualTo(4);
		assertThat(r.path("samples_saved").asInt()).isEqualTo(12);
		assertThat(r.path("stop").path("reason").asString()).isEqualTo("beta");
		assertThat(r.path("stop").path("early").asBoolean()).isTrue();
	}

	@Test
	void cotDecodingPicksTheBranchWithTheLargestAnswerMargin() {
		JsonNode r = reason("\"strategy\":\"cot-decoding\"");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		assertThat(r.path("chosen").asInt()).isEqualTo(1);
		assertThat(r.path("confidence").asDouble()).isEqualTo(0.985, org.assertj.core.data.Offset.offset(1e-9));
		JsonNode scores = r.path("candidates").get(1).path("scores");
		assertThat(scores.path("first_token_p").asDouble()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(r.path("candidates").get(0).path("scores").path("delta").asDouble()).isEqualTo(0.3,
				org.assertj.core.data.Offset.offset(1e-9));
		// the defaults from the model card: k = 2, floor 0.01, plain prompt
		JsonNode completion = decode.calls("/v1/completions").getFirst().body();
		assertThat(completion.path("quorum_branching").path("k").asInt()).isEqualTo(2);
		assertThat(completion.path("quorum_branching").path("min_probability").asDouble()).isEqualTo(0.01);
		JsonNode tokenize = decode.calls("/v1/tokenize").getFirst().body();
		assertThat(tokenize.path("messages").get(0).path("content").asString()).isEqualTo(QUESTION);
	}

	@Test
	void cotDecodingOnABackendWithoutLogprobsFallsBackToSelfConsistencyAndSaysSo() {
		JsonNode r = reason("\"strategy\":\"cot-decoding\",\"models\":[\"ext\"]");
		assertThat(r.path("strategy_applied").asString()).isEqualTo("self-consistency");
		assertThat(r.path("degraded_from").asString()).isEqualTo("cot-decoding");
		assertThat(r.path("degraded").get(0).path("component").asString()).isEqualTo("model:ext");
		assertThat(r.path("answer").asString()).isEqualTo("4");
	}

	@Test
	void bestOfNTakesTheVerifiersFavouriteAndVerifiedVoteWeighsByScore() {
		JsonNode best = reason("\"strategy\":\"best-of-n\",\"n\":4");
		assertThat(best.path("answer").asString()).isEqualTo("4");
		assertThat(best.path("confidence").asDouble()).isEqualTo(0.9);
		assertThat(best.path("candidates").get(0).path("scores").path("verifier").asDouble()).isEqualTo(0.9);
		JsonNode request = verifier.calls("/v1/verify").getFirst().body();
		assertThat(request.path("method").asString()).isEqualTo("genrm");
		assertThat(request.path("model").asString()).isEqualTo("tiny-verifier");
		assertThat(request.path("question").asString()).isEqualTo(QUESTION);
		// the unparsed sample is not sent to the verifier
		assertThat(request.path("candidates")).hasSize(3);
		JsonNode vote = reason(
				"\"strategy\":\"verified-vote\",\"n\":4,\"verifier\":{\"method\":\"genrm-cot\",\"k\":3}");
		assertThat(vote.path("votes").path("4").path("weight").asDouble()).isEqualTo(1.8,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(vote.path("confidence").asDouble()).isEqualTo(1.8 / 2.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(verifier.calls("/v1/verify").getLast().body().path("k").asInt()).isEqualTo(3);
	}

	@Test
	void aVerifierThatFailsLeavesAPluralityVoteAndSaysSo() {
		verifier.answer((c) -> Reply.error(503, "verifier down"));
		JsonNode r = reason("\"strategy\":\"bon\",\"n\":4");
		assertThat(r.path("strategy_applied").asString()).isEqualTo("self-consistency");
		assertThat(r.path("degraded_from").asString()).isEqualTo("best-of-n");
		assertThat(r.path("degraded").get(0).path("component").asString()).isEqualTo("verifier");
		assertThat(r.path("answer").asString()).isEqualTo("4");
	}

	@Test
	void anEnsembleWeighsEachModelsVotesAndReportsUsagePerModel() {
		JsonNode r = reason("\"strategy\":\"ensemble\",\"models\":[\"tiny-reasoner\",\"ext\"],\"n\":4");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		// tiny-reasoner: 4, 4, 5, unparsed (weight 1); ext: four 4s (configured weight 2)
		assertThat(r.path("votes").path("4").path("weight").asDouble()).isEqualTo(10.0);
		assertThat(r.path("votes").path("5").path("weight").asDouble()).isEqualTo(1.0);
		assertThat(r.path("usage").path("models")).extracting((m) -> m.path("model").asString())
			.containsExactly("tiny-reasoner", "ext");
		assertThat(external.calls("/v1/chat/completions").getFirst().body().path("model").asString())
			.isEqualTo("tiny-reasoner-b");
	}

	@Test
	void anEnsembleAnswersWithoutABackendThatIsDown() {
		JsonNode r = reason("\"strategy\":\"ensemble\",\"models\":[\"tiny-reasoner-b\",\"down\"],\"n\":4");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		assertThat(r.path("degraded").get(0).path("component").asString()).isEqualTo("model:down");
		assertThat(r.path("degraded").get(0).path("reason").asString()).contains("connection");
		assertThat(r.path("samples_used").asInt()).isEqualTo(4);
	}

	@Test
	void atTheDeadlineAnEnsembleVotesOnWhatArrivedAndCancelsTheRest() {
		external.answer((c) -> Reply.json("{}").after(Duration.ofSeconds(30)));
		JsonNode r = reason("\"strategy\":\"ensemble\",\"models\":[\"tiny-reasoner-b\",\"ext\"],\"n\":4,"
				+ "\"deadline_ms\":1500,\"early_stop\":{\"min_samples\":2}");
		assertThat(r.path("answer").asString()).isEqualTo("4");
		assertThat(r.path("degraded").get(0).path("component").asString()).isEqualTo("model:ext");
		assertThat(r.path("degraded").get(0).path("reason").asString()).contains("deadline");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> external.open() == 0);
	}

	@Test
	void aDeadlineWithTooFewSamplesIsA504() {
		decode.answer((c) -> toy.apply(c).after(Duration.ofSeconds(30)));
		post("{\"question\":\"" + QUESTION + "\",\"deadline_ms\":500}").expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("deadline_exceeded")
			.jsonPath("$.error.param")
			.isEqualTo("deadline_ms");
	}

	@Test
	void aBackendAnsweringGarbageIsA503ThatSaysWhy() {
		decode.answer((c) -> new Reply(200, "<html>not json</html>", Duration.ZERO));
		post("{\"question\":\"" + QUESTION + "\",\"strategy\":\"cot\"}").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("backend_unavailable")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("tiny-reasoner").contains("not a valid"));
	}

	@Test
	void badRequestsAre400sNamingTheField() {
		Map<String, String> cases = Map.of("{\"question\":\"  \"}", "question",
				"{\"question\":\"" + "x".repeat(16_001) + "\"}", "question", "{\"question\":\"q\",\"n\":65}", "n",
				"{\"question\":\"q\",\"strategy\":\"cot-decoding\",\"n\":11}", "n",
				"{\"question\":\"q\",\"strategy\":\"majority\"}", "strategy", "{\"question\":\"q\",\"temperature\":3}",
				"temperature", "{\"question\":\"q\",\"early_stop\":{\"confidence\":1.5}}", "early_stop.confidence",
				"{\"question\":\"q\",\"export\":true}", "gold", "{\"question\":\"q\",\"nn\":1}", "nn",
				"{\"question\":\"q\",\"strategy\":\"greedy\",\"n\":4}", "n");
		cases.forEach((body, param) -> post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error")
			.jsonPath("$.error.param")
			.isEqualTo(param));
		post("{\"question\":").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("invalid_json");
	}

	@Test
	void unknownModelsAre404s() {
		post("{\"question\":\"q\",\"models\":[\"nope\"]}").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("model_not_found")
			.jsonPath("$.error.param")
			.isEqualTo("models");
		post("{\"question\":\"q\",\"strategy\":\"bon\",\"verifier\":{\"model\":\"nope\"}}").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("verifier.model");
		assertThat(decode.calls()).isEmpty();
	}

	@Test
	void metricsCountRequestsPerStrategyAndCallsPerBackend() {
		reason("\"strategy\":\"cot\"");
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((text) -> assertThat(text).contains("quorum_ensemble_requests_total{")
				.containsPattern("quorum_ensemble_requests_total\\{[^}]*strategy=\"cot\"")
				.containsPattern(
						"quorum_ensemble_backend_calls_total\\{[^}]*model=\"tiny-reasoner\"[^}]*outcome=\"success\"")
				.contains("quorum_ensemble_samples_used")
				.contains("resilience4j_circuitbreaker_state"));
	}

}
