// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.time.Duration;
import java.util.List;

import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.verifier.FakeDecode;
import dev.quorum.verifier.FakeDecode.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * {@code POST /v1/verify} on the running service, its model a fake OpenAI backend over
 * HTTP (BlockHound watches the event loops).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class VerifyApiTests {

	static final String Q = "Evaluate from left to right: 8-5-2";

	static final String RIGHT = "8-5=3\n3-2=1\nThe answer is 1.";

	static final String WRONG = "8-5=3\n3-2=2\nThe answer is 2.";

	/** The fake verifier: p(Y) 0.9 after a solution whose last line says 1, else 0.1. */
	static final FakeDecode.Script VERIFIER = FakeDecode
		.verifier((prompt) -> prompt.contains("The answer is 1.\n") ? 0.9 : 0.1);

	static final FakeDecode decode = new FakeDecode(VERIFIER);

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("quorum.verifier.decode-uri", decode::uri);
		registry.add("quorum.verifier.decode.time-limit", () -> "1s");
		registry.add("quorum.verifier.decode.circuit-breaker.minimum-number-of-calls", () -> "1000");
	}

	@BeforeEach
	void reset() {
		decode.script(VERIFIER);
		decode.clear();
	}

	@AfterAll
	static void stop() {
		decode.close();
	}

	WebTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/v1/verify").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	static String body(String method, String extra) {
		return "{\"question\":\"" + Q + "\",\"method\":\"" + method + "\",\"candidates\":[\""
				+ RIGHT.replace("\n", "\\n") + "\",{\"solution\":\"" + WRONG.replace("\n", "\\n") + "\"}]" + extra
				+ "}";
	}

	@Test
	void genrmScoresEveryCandidateWithItsYesAndNoMass() {
		post(body("genrm", ",\"reference\":\"1\"")).expectStatus()
			.isOk()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.object")
			.isEqualTo("verification")
			.jsonPath("$.model")
			.isEqualTo("tiny-verifier")
			.jsonPath("$.method")
			.isEqualTo("genrm")
			.jsonPath("$.scores.length()")
			.isEqualTo(2)
			.jsonPath("$.scores[0].index")
			.isEqualTo(0)
			.jsonPath("$.scores[0].score")
			.value((Number s) -> assertThat(s.doubleValue()).isCloseTo(0.9 / 0.98, within()))
			.jsonPath("$.scores[0].p_yes")
			.value((Number p) -> assertThat(p.doubleValue()).isCloseTo(0.9, within()))
			.jsonPath("$.scores[0].p_no")
			.value((Number p) -> assertThat(p.doubleValue()).isCloseTo(0.08, within()))
			.jsonPath("$.scores[0].answer")
			.isEqualTo("1")
			.jsonPath("$.scores[0].correct")
			.isEqualTo(true)
			.jsonPath("$.scores[0].signal")
			.isEqualTo("ok")
			.jsonPath("$.scores[0].rationales")
			.doesNotExist()
			.jsonPath("$.scores[1].score")
			.value((Number s) -> assertThat(s.doubleValue()).isCloseTo(0.1 / 0.98, within()))
			.jsonPath("$.scores[1].correct")
			.isEqualTo(false)
			.jsonPath("$.usage.prompt_tokens")
			.isEqualTo(20)
			.jsonPath("$.usage.completion_tokens")
			.isEqualTo(2)
			.jsonPath("$.usage.total_tokens")
			.isEqualTo(22);
		assertThat(decode.requests()).hasSize(1);
		assertThat(decode.requests().get(0).prompt().texts()).hasSize(2);
	}

	@Test
	void genrmCotReportsEachRationaleAndTheirMean() {
		decode.script(FakeDecode.verifier((prompt) -> prompt.contains("rationale 0") ? 0.9 : 0.49));
		post(body("genrm-cot", ",\"k\":2,\"seed\":5")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("genrm-cot")
			.jsonPath("$.scores[1].rationales.length()")
			.isEqualTo(2)
			.jsonPath("$.scores[1].rationales[0].text")
			.isEqualTo("rationale 0")
			.jsonPath("$.scores[1].rationales[1].signal")
			.isEqualTo("ok")
			.jsonPath("$.scores[1].score")
			.value((Number s) -> assertThat(s.doubleValue()).isCloseTo((0.9 / 0.98 + 0.49 / 0.98) / 2, within()))
			.jsonPath("$.scores[1].p_yes")
			.value((Number p) -> assertThat(p.doubleValue()).isCloseTo((0.9 + 0.49) / 2, within()))
			.jsonPath("$.scores[1].correct")
			.doesNotExist();
	}

	@Test
	void referenceNeedsNoModel() {
		post(body("reference", ",\"reference\":\"1.0\"")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.model")
			.doesNotExist()
			.jsonPath("$.scores[0].score")
			.isEqualTo(1.0)
			.jsonPath("$.scores[0].correct")
			.isEqualTo(true)
			.jsonPath("$.scores[1].score")
			.isEqualTo(0.0)
			.jsonPath("$.scores[1].answer")
			.isEqualTo("2")
			.jsonPath("$.usage.total_tokens")
			.isEqualTo(0);
		assertThat(decode.requests()).isEmpty();
	}

	@Test
	void aBackendWithoutLogprobsGivesNoSignalNotAnError() {
		decode.script(
				(request, call) -> Reply.completion(List.of(CreateCompletionResponse.Choice.of(0, "Y", null, "length"),
						CreateCompletionResponse.Choice.of(1, "N", null, "length")), null));
		post(body("genrm", "")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scores[0].signal")
			.isEqualTo("no_signal")
			.jsonPath("$.scores[0].score")
			.isEqualTo(0.0)
			.jsonPath("$.scores[0].p_yes")
			.doesNotExist();
	}

	@Test
	void badInputIsA400NamingTheField() {
		post("{\"question\":\"\",\"candidates\":[\"s\"]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error")
			.jsonPath("$.error.param")
			.isEqualTo("question");
		post(body("majority-vote", "")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("method");
		assertThat(decode.requests()).isEmpty();
	}

	@Test
	void aBodyOverTheLimitIs413() {
		String huge = "{\"question\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"candidates\":[\"s\"]}";
		post(huge).expectStatus().isEqualTo(413).expectBody().jsonPath("$.error.code").isEqualTo("request_too_large");
	}

	@Test
	void aFailingBackendIs503WithRetryAfter() {
		decode.script((request, call) -> Reply.json(500, "{\"error\":{\"message\":\"engine crashed\"}}"));
		post(body("genrm", "")).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("service_unavailable_error")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("engine crashed"));
	}

	@Test
	void aHangingBackendIs504() {
		decode.script((request, call) -> VERIFIER.answer(request, call).after(Duration.ofSeconds(3)));
		post(body("genrm", "")).expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("timeout_error");
	}

	@Test
	void anUnknownModelIs404() {
		decode.script((request, call) -> Reply.json(404,
				"{\"error\":{\"message\":\"The model 'big' does not exist\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}"));
		post(body("genrm", ",\"model\":\"big\"")).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("model_not_found")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("'big'"));
	}

	@Test
	void timesRequestsByMethodAndOutcomeAndKeepsAScoreHistogram() {
		post(body("genrm", "")).expectStatus().isOk();
		post("{}").expectStatus().isBadRequest();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((text) -> assertThat(text).contains(
					"quorum_verifier_requests_seconds_count{endpoint=\"verify\",method=\"genrm\",outcome=\"success\"")
				.contains(
						"quorum_verifier_requests_seconds_count{endpoint=\"verify\",method=\"unknown\",outcome=\"invalid_request\"")
				.contains("quorum_verifier_score_bucket{method=\"genrm\",service=\"verifier\",le=\"0.5\"}")
				.contains("resilience4j_circuitbreaker_state{"));
	}

	static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-9);
	}

}
