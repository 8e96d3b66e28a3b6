// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.strategy.StrategyOverrides;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.Verifier;
import dev.quorum.reasoning.verify.VerifierScore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VerifiedStrategyTests {

	private final Fixture fx = new Fixture();

	private final List<List<String>> verified = new ArrayList<>();

	/** A GenRM stand-in that scores by answer: "5" -> a, "7" -> b. */
	private void scores(double five, double seven) {
		Verifier verifier = (question, solutions) -> {
			this.verified.add(solutions);
			return CompletableFuture.completedFuture(solutions.stream()
				.map((s) -> s.contains("5") ? VerifierScore.of(five) : VerifierScore.of(seven))
				.toList());
		};
		this.fx.verifiers.put("tiny-verifier", verifier);
	}

	private void samples() {
		this.fx.source("m").texts("The answer is 5.", "The answer is 7.", "hmm", "The answer is 7.");
	}

	@Test
	void bestOfNPicksTheHighestScoreAndSendsOnlyParsedCandidates() {
		samples();
		scores(0.9, 0.3);
		ReasoningResult r = this.fx.run("q", Fixture.spec("bon-4/m"));
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.chosen()).isZero();
		assertThat(r.confidence()).isEqualTo(0.9);
		assertThat(r.strategyApplied()).isEqualTo(Strategy.BEST_OF_N);
		assertThat(this.verified.getFirst()).hasSize(3);
		assertThat(r.candidates().get(1).scores()).containsEntry("verifier", 0.3);
		assertThat(r.candidates().get(2).scores()).doesNotContainKey("verifier");
		assertThat(this.fx.source("m").requests.getFirst().n()).isEqualTo(4);
	}

	@Test
	void verifiedVoteSumsScoresPerAnswer() {
		samples();
		scores(0.4, 0.3);
		ReasoningResult r = this.fx.run("q", Fixture.spec("vv-4/m"));
		assertThat(r.answer()).isEqualTo("7");
		assertThat(r.confidence()).isCloseTo(0.6 / 1.0, within(1e-12));
		assertThat(r.votes().leader().weight()).isCloseTo(0.6, within(1e-12));
		assertThat(r.chosen()).isEqualTo(1);

		Fixture heavy = new Fixture();
		heavy.source("m").texts("The answer is 5.", "The answer is 7.", "hmm", "The answer is 7.");
		heavy.verifiers.put("tiny-verifier", (q, s) -> CompletableFuture
			.completedFuture(List.of(VerifierScore.of(0.9), VerifierScore.of(0.3), VerifierScore.of(0.3))));
		assertThat(heavy.run("q", Fixture.spec("vv-4/m")).answer()).isEqualTo("5");
	}

	@Test
	void aFailingVerifierFallsBackToPluralityAndSaysSo() {
		samples();
		this.fx.verifiers.put("tiny-verifier",
				(q, s) -> CompletableFuture.failedFuture(new IllegalStateException("verifier down")));
		ReasoningResult r = this.fx.run("q", Fixture.spec("bon-4/m"));
		assertThat(r.answer()).isEqualTo("7");
		assertThat(r.strategyApplied()).isEqualTo(Strategy.SELF_CONSISTENCY);
		assertThat(r.degradedFrom()).isEqualTo(Strategy.BEST_OF_N);
		assertThat(r.degraded()).singleElement().satisfies((d) -> {
			assertThat(d.component()).isEqualTo("verifier");
			assertThat(d.reason()).contains("verifier down");
		});
	}

	@Test
	void noSignalFromTheVerifierAlsoFallsBack() {
		samples();
		this.fx.verifiers.put("tiny-verifier",
				(q, s) -> CompletableFuture.completedFuture(s.stream().map((x) -> VerifierScore.NO_SIGNAL).toList()));
		ReasoningResult r = this.fx.run("q", Fixture.spec("vv-4/m"));
		assertThat(r.degradedFrom()).isEqualTo(Strategy.VERIFIED_VOTE);
		assertThat(r.answer()).isEqualTo("7");
	}

	@Test
	void aVerifierThatMissesTheDeadlineIsLeftOut() {
		samples();
		this.fx.verifiers.put("tiny-verifier", (q, s) -> new CompletableFuture<>());
		CompletableFuture<ReasoningResult> result = this.fx.start(ReasoningRequest.of("q", Fixture.spec("bon-4/m")));
		assertThat(result).isNotDone();
		this.fx.timer.fire();
		ReasoningResult r = result.join();
		assertThat(r.degradedFrom()).isEqualTo(Strategy.BEST_OF_N);
		assertThat(r.degraded()).singleElement()
			.satisfies((d) -> assertThat(d.reason()).contains("no scores before the deadline"));
	}

	@Test
	void theReferenceVerifierUsesTheGoldAnswer() {
		samples();
		StrategySpec spec = Fixture.spec(new StrategyOverrides(Strategy.VERIFIED_VOTE, 4, List.of(ModelSpec.of("m")),
				null, null, null, null, VerifierSpec.reference(), null, null, null));
		ReasoningResult r = this.fx.run(new ReasoningRequest("q", List.of(), spec, "5"));
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.confidence()).isEqualTo(1.0);

		ReasoningException missing = Fixture.failure(this.fx.start(ReasoningRequest.of("q", spec)));
		assertThat(missing.param()).isEqualTo("gold");
	}

	@Test
	void anUnknownVerifierModelIs404() {
		samples();
		ReasoningException ex = Fixture.failure(this.fx.start(ReasoningRequest.of("q", Fixture.spec("bon-4/m"))));
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.NOT_FOUND);
		assertThat(ex.param()).isEqualTo("verifier.model");
		assertThat(this.fx.source("m").requests).isEmpty();
	}

}
