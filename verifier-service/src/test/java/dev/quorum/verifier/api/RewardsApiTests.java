// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import dev.quorum.verifier.FakeDecode;
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
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /v1/rewards} in OpenRLHF's remote reward-model shape, on the running
 * service with a fake verifier model over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RewardsApiTests {

	static final String PROMPT = "Q: Evaluate from left to right: 8-5-2\\nLet's think step by step.\\n";

	static final FakeDecode decode = new FakeDecode(
			FakeDecode.verifier((prompt) -> prompt.contains("The answer is 1.\n") ? 0.9 : 0.1));

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("quorum.verifier.decode-uri", decode::uri);
	}

	@BeforeEach
	void reset() {
		decode.script(FakeDecode.verifier((prompt) -> prompt.contains("The answer is 1.\n") ? 0.9 : 0.1));
		decode.clear();
	}

	@AfterAll
	static void stop() {
		decode.close();
	}

	WebTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/v1/rewards").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	@Test
	void labelsAreScoredByTheReferenceRuleAndTheRestByGenrm() {
		String right = PROMPT + "8-5=3\\n3-2=1\\nThe answer is 1.</s>";
		String wrong = PROMPT + "8-5=3\\n3-2=2\\nThe answer is 2.</s>";
		post("{\"query\":[\"" + right + "\",\"" + wrong + "\",\"" + wrong + "\"],\"prompts\":[\"" + PROMPT + "\",\""
				+ PROMPT + "\",\"" + PROMPT + "\"],\"labels\":[null,\"1\",\"2\"]}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rewards.length()")
			.isEqualTo(3)
			.jsonPath("$.rewards[0]")
			.value((Number r) -> assertThat(r.doubleValue()).isCloseTo(0.9 / 0.98, within(1e-9)))
			.jsonPath("$.rewards[1]")
			.isEqualTo(0.0)
			.jsonPath("$.rewards[2]")
			.isEqualTo(1.0)
			.jsonPath("$.scores[2]")
			.isEqualTo(1.0)
			.jsonPath("$.extra_logs.reference")
			.isEqualTo(java.util.List.of(0.0, 1.0, 1.0))
			.jsonPath("$.extra_logs.no_signal")
			.isEqualTo(java.util.List.of(0.0, 0.0, 0.0))
			.jsonPath("$.extra_logs.answer_parsed")
			.isEqualTo(java.util.List.of(1.0, 1.0, 1.0))
			.jsonPath("$.usage")
			.doesNotExist();
		assertThat(decode.requests()).hasSize(1);
		assertThat(decode.requests().get(0).prompt().texts()).containsExactly(
				"Q: Evaluate from left to right: 8-5-2\nLet's think step by step.\n8-5=3\n3-2=1\nThe answer is 1.\n"
						+ "Is the answer correct (Yes/No)? ");
	}

	@Test
	void onlyLabelledSamplesNeedNoModel() {
		post("{\"query\":[\"The answer is 1,000.\"],\"labels\":[1000]}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rewards[0]")
			.isEqualTo(1.0);
		assertThat(decode.requests()).isEmpty();
	}

	@Test
	void aPromptTheModelRefusesIsBlamedOnTheQuery() {
		decode.script((request, call) -> FakeDecode.Reply.json(400,
				"{\"error\":{\"message\":\"prompt exceeds the context\",\"type\":\"invalid_request_error\"}}"));
		post("{\"query\":[\"" + PROMPT + "The answer is 1.\"],\"prompts\":[\"" + PROMPT + "\"]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("query")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("exceeds the context"));
	}

	@Test
	void badInputIsA400NamingTheField() {
		post("{\"query\":[\"x\"],\"prompts\":[\"y\"]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("query[0]");
	}

}
