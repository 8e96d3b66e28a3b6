// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopRule;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.strategy.StrategyOverrides;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.VerifierScore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnsembleStrategyTests {

	private final Fixture fx = new Fixture();

	private static StrategySpec ensemble(VerifierSpec verifier, EarlyStop stop, ModelSpec... models) {
		return Fixture.spec(new StrategyOverrides(Strategy.ENSEMBLE, null, List.of(models), null, null, null, null,
				verifier, stop, null, null));
	}

	@Test
	void votesAreWeightedPerModelAndRecordedInModelOrder() {
		this.fx.source("a").texts("The answer is 5.", "The answer is 5.");
		this.fx.source("b").texts("The answer is 7.");
		ReasoningResult r = this.fx.run("q", ensemble(null, null, new ModelSpec("a", 1, 2), new ModelSpec("b", 3, 1)));
		assertThat(r.answer()).isEqualTo("7");
		assertThat(r.chosen()).isEqualTo(2);
		assertThat(r.confidence()).isCloseTo(3.0 / 5, within(1e-12));
		assertThat(r.votes().entries()).extracting((e) -> e.answer().key() + "=" + e.weight())
			.containsExactly("7=3.0", "5=2.0");
		assertThat(r.candidates()).extracting((c) -> c.candidate().model()).containsExactly("a", "a", "b");
		assertThat(r.usage()).extracting(ModelUsage::model).containsExactly("a", "b");
		assertThat(this.fx.source("a").requests.getFirst().n()).isEqualTo(2);
		assertThat(r.strategyApplied()).isEqualTo(Strategy.ENSEMBLE);
	}

	@Test
	void aFailedBackendIsLeftOutAndReported() {
		this.fx.source("a").texts("The answer is 5.", "The answer is 5.", "The answer is 6.", "The answer is 5.");
		this.fx.source("b").fails(new IllegalStateException("503 from upstream"));
		ReasoningResult r = this.fx.run("q", ensemble(null, null, ModelSpec.of("a"), ModelSpec.of("b")));
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.degraded())
			.containsExactly(new Degradation("model:b", "IllegalStateException: 503 from upstream"));
	}

	@Test
	void atTheDeadlineStragglersAreCancelledAndTheRestVotes() {
		this.fx.source("a").texts("The answer is 5.", "The answer is 5.");
		this.fx.source("b").hangs();
		CompletableFuture<ReasoningResult> result = this.fx.start(ReasoningRequest.of("q", ensemble(null,
				new EarlyStop(StopRule.NONE, 2, 1, 0.95), new ModelSpec("a", 1, 2), new ModelSpec("b", 5, 2))));
		assertThat(result).isNotDone();
		this.fx.timer.fire();
		ReasoningResult r = result.join();
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.degraded()).singleElement().satisfies((d) -> {
			assertThat(d.component()).isEqualTo("model:b");
			assertThat(d.reason()).contains("deadline");
		});
		assertThat(this.fx.source("b").pending.getFirst()).isCancelled();
	}

	@Test
	void fewerThanMinSamplesIsAnErrorNamingTheCause() {
		this.fx.source("a").texts("The answer is 5.");
		this.fx.source("b").hangs();
		CompletableFuture<ReasoningResult> late = this.fx
			.start(ReasoningRequest.of("q", ensemble(null, null, new ModelSpec("a", 1, 1), new ModelSpec("b", 1, 3))));
		this.fx.timer.fire();
		assertThat(Fixture.failure(late).kind()).isEqualTo(ReasoningException.Kind.DEADLINE_EXCEEDED);

		Fixture down = new Fixture();
		down.source("a").fails(new IllegalStateException("x"));
		down.source("b").fails(new IllegalStateException("y"));
		ReasoningException ex = Fixture
			.failure(down.start(ReasoningRequest.of("q", ensemble(null, null, ModelSpec.of("a"), ModelSpec.of("b")))));
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.BACKEND_UNAVAILABLE);
	}

	@Test
	void aVerifierMultipliesTheModelWeights() {
		this.fx.source("a").texts("The answer is 5.", "The answer is 5.");
		this.fx.source("b").texts("The answer is 7.");
		this.fx.verifiers.put("v", (q, s) -> CompletableFuture
			.completedFuture(List.of(VerifierScore.of(0.5), VerifierScore.of(0.5), VerifierScore.of(0.1))));
		ReasoningResult r = this.fx.run("q",
				ensemble(VerifierSpec.genrm("v"), null, new ModelSpec("a", 1, 2), new ModelSpec("b", 3, 1)));
		// 5: 1*0.5 + 1*0.5 = 1.0; 7: 3*0.1 = 0.3
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.votes().leader().weight()).isCloseTo(1.0, within(1e-12));
		assertThat(r.candidates().get(2).scores()).containsEntry("verifier", 0.1);
	}

}
