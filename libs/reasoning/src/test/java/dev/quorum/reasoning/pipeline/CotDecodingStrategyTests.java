// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.cotdecoding.GeneratedToken;
import dev.quorum.reasoning.strategy.Strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CotDecodingStrategyTests {

	private final Fixture fx = new Fixture();

	/**
	 * A branch whose answer (the last two characters before the period) has the given
	 * margin.
	 */
	private static Candidate branch(String text, double margin, double firstTokenP) {
		int end = text.length() - 1;
		List<GeneratedToken> tokens = List.of(new GeneratedToken(0, 1, firstTokenP, 0),
				new GeneratedToken(1, end - 2, 0.9, 0.1), new GeneratedToken(end - 2, end, margin, 0),
				new GeneratedToken(end, end + 1, 0.9, 0));
		return new Candidate("m", text, "stop", 8, 12, Duration.ZERO, tokens, firstTokenP);
	}

	@Test
	void choosesTheBranchWithTheConfidentAnswer() {
		this.fx.source("m")
			.candidates(branch("The answer is 17.", 0.3, 0.9), branch("3+4=7\n7*2=14\nThe answer is 14.", 0.95, 0.08));
		ReasoningResult r = this.fx.run("q", Fixture.spec("cot-decoding/m"));
		GenerationRequest request = this.fx.source("m").requests.getFirst();
		assertThat(request.branches()).isEqualTo(2);
		assertThat(request.n()).isEqualTo(2);
		assertThat(request.topLogprobs()).isEqualTo(2);
		assertThat(request.temperature()).isZero();
		assertThat(request.prompt()).isEqualTo("Q: q\nA:\n");
		assertThat(r.answer()).isEqualTo("14");
		assertThat(r.chosen()).isEqualTo(1);
		assertThat(r.confidence()).isCloseTo(0.95, within(1e-12));
		assertThat(r.strategyApplied()).isEqualTo(Strategy.COT_DECODING);
		assertThat(r.candidates().get(0).scores()).containsKeys("delta", "path_margin", "first_token_p");
		assertThat(r.votes().entries()).hasSize(2);
	}

	@Test
	void fallsBackToSelfConsistencyWhenTheBackendCannotBranch() {
		this.fx.source("m")
			.fails(new UnsupportedOperationException("no logprobs"))
			.texts("The answer is 4.", "The answer is 4.");
		ReasoningResult r = this.fx.run("q", Fixture.spec("cot-decoding/m"));
		assertThat(r.strategyApplied()).isEqualTo(Strategy.SELF_CONSISTENCY);
		assertThat(r.degradedFrom()).isEqualTo(Strategy.COT_DECODING);
		assertThat(r.answer()).isEqualTo("4");
		assertThat(r.degraded()).singleElement()
			.satisfies((d) -> assertThat(d.reason()).contains("cannot branch", "no logprobs"));
		GenerationRequest fallback = this.fx.source("m").requests.get(1);
		assertThat(fallback.branches()).isZero();
		assertThat(fallback.n()).isEqualTo(2);
		assertThat(fallback.temperature()).isEqualTo(0.8);
	}

	@Test
	void branchesWithoutTokenProbabilitiesAreVotedOverAndReported() {
		this.fx.source("m").texts("The answer is 4.", "The answer is 4.");
		ReasoningResult r = this.fx.run("q", Fixture.spec("cot-decoding/m"));
		assertThat(r.answer()).isEqualTo("4");
		assertThat(r.degraded()).extracting(Degradation::component).containsExactly("cot-decoding");
	}

	@Test
	void aFailingBackendIsA503() {
		this.fx.source("m").fails(new IllegalStateException("reset by peer"));
		ReasoningException ex = Fixture
			.failure(this.fx.start(ReasoningRequest.of("q", Fixture.spec("cot-decoding/m"))));
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.BACKEND_UNAVAILABLE);
		assertThat(ex.getMessage()).contains("reset by peer");
	}

}
