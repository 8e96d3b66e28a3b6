// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.verify;

import java.time.Duration;
import java.util.List;

import dev.quorum.ensemble.FakeOpenAi;
import dev.quorum.ensemble.FakeOpenAi.Reply;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.VerifierScore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier-service client against a real server: the request it sends, scores by
 * index, missing signals, and replies it must not trust.
 */
class VerifierClientTests {

	private final FakeOpenAi server = new FakeOpenAi((c) -> Reply.json("{\"scores\":[]}"));

	@AfterEach
	void stop() {
		this.server.close();
	}

	private List<VerifierScore> score(VerifierSpec spec, String reply) throws Exception {
		this.server.answer((c) -> Reply.json(reply));
		VerifierClient client = new VerifierClient(WebClient.builder().baseUrl(this.server.url()).build(),
				CircuitBreaker.ofDefaults("verifier"), Duration.ofSeconds(5));
		return client.verifier(spec, "req-7").score("Q?", List.of("a", "b", "c")).toCompletableFuture().get();
	}

	@Test
	void sendsTheQuestionCandidatesMethodAndModelAndReadsScoresByIndex() throws Exception {
		List<VerifierScore> scores = score(VerifierSpec.genrm("tiny-verifier"),
				"{\"scores\":[{\"index\":2,\"score\":0.25,\"p_yes\":0.2},{\"index\":0,\"score\":0.75},"
						+ "{\"index\":1,\"score\":null}],\"model\":\"tiny-verifier\"}");
		assertThat(scores).containsExactly(VerifierScore.of(0.75), VerifierScore.NO_SIGNAL, VerifierScore.of(0.25));
		FakeOpenAi.Call call = this.server.calls().getFirst();
		assertThat(call.path()).isEqualTo("/v1/verify");
		assertThat(call.headers()).containsEntry("x-request-id", "req-7");
		assertThat(call.body().path("question").asString()).isEqualTo("Q?");
		assertThat(call.body().path("candidates")).extracting((n) -> n.asString()).containsExactly("a", "b", "c");
		assertThat(call.body().path("method").asString()).isEqualTo("genrm");
		assertThat(call.body().path("model").asString()).isEqualTo("tiny-verifier");
		assertThat(call.body().has("k")).isFalse();
	}

	@Test
	void genrmCotSendsKAndAScoreMarkedWithoutSignalCountsAsNone() throws Exception {
		List<VerifierScore> scores = score(new VerifierSpec(VerifierMethod.GENRM_COT, "tiny-verifier", 4),
				"{\"object\":\"verification\",\"scores\":[{\"index\":0,\"score\":0,\"signal\":\"no_signal\"},"
						+ "{\"index\":1,\"score\":0.5,\"signal\":\"ok\",\"rationales\":[]},{\"score\":1,\"signal\":false}]}");
		assertThat(scores).containsExactly(VerifierScore.NO_SIGNAL, VerifierScore.of(0.5), VerifierScore.NO_SIGNAL);
		assertThat(this.server.calls().getFirst().body().path("k").asInt()).isEqualTo(4);
	}

	@Test
	void scoresOutsideTheUnitIntervalOrForUnknownCandidatesAreRefused() {
		assertThatThrownBy(() -> score(VerifierSpec.genrm("v"), "{\"scores\":[{\"index\":0,\"score\":1.5}]}"))
			.hasMessageContaining("outside [0, 1]");
		assertThatThrownBy(() -> score(VerifierSpec.genrm("v"), "{\"scores\":[{\"index\":3,\"score\":0.5}]}"))
			.hasMessageContaining("candidate 3 of 3");
		assertThatThrownBy(() -> score(VerifierSpec.genrm("v"), "{\"result\":{}}"))
			.hasMessageContaining("without scores");
	}

}
