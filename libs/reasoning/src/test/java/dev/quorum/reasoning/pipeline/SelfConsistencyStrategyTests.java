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

import static org.assertj.core.api.Assertions.assertThat;

class SelfConsistencyStrategyTests {

	private final Fixture fx = new Fixture();

	private static StrategySpec sc(int n, EarlyStop stop) {
		return Fixture.spec(new StrategyOverrides(Strategy.SELF_CONSISTENCY, n, List.of(ModelSpec.of("m")), null, null,
				null, null, null, stop, null, null));
	}

	@Test
	void unanimousFirstWaveStopsEarlyUnderTheBetaRule() {
		this.fx.source("tiny-reasoner")
			.texts("The answer is 5.", "so the answer is 5", "The answer is 5.", "Answer: 5");
		ReasoningResult r = this.fx.run("q", Fixture.spec("sc-16/tiny-reasoner"));
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.samplesUsed()).isEqualTo(4);
		assertThat(r.samplesSaved()).isEqualTo(12);
		assertThat(r.stop().reason()).isEqualTo("beta");
		assertThat(r.confidence()).isEqualTo(1.0);
		assertThat(r.strategyApplied()).isEqualTo(Strategy.SELF_CONSISTENCY);
		assertThat(r.degradedFrom()).isNull();
		GenerationRequest request = this.fx.source("tiny-reasoner").requests.getFirst();
		assertThat(request.n()).isEqualTo(4);
		assertThat(request.temperature()).isEqualTo(0.8);
		assertThat(request.prompt()).isEqualTo("Q: q\nLet's think step by step.\n");
		assertThat(this.fx.stopEvents).hasSize(1);
		assertThat(this.fx.candidateEvents).hasSize(4);
	}

	@Test
	void wavesContinueUntilTheRuleIsSatisfied() {
		// wave 1: 5,5,7,5 -> Beta(3 vs 1) = 0.8125; wave 2: four more 5s -> Beta(7 vs 1)
		// = 502/512
		this.fx.source("m")
			.texts("The answer is 5.", "The answer is 5.", "The answer is 7.", "The answer is 5.")
			.texts("The answer is 5.", "The answer is 5.", "The answer is 5.", "The answer is 5.");
		ReasoningResult r = this.fx.run("q", Fixture.spec("sc-16/m"));
		assertThat(r.samplesUsed()).isEqualTo(8);
		assertThat(r.samplesSaved()).isEqualTo(8);
		assertThat(r.stop().probability()).isEqualTo(502.0 / 512);
		assertThat(r.confidence()).isEqualTo(7.0 / 8);
		assertThat(r.votes().entries()).extracting((e) -> e.answer().key() + "=" + e.count())
			.containsExactly("5=7", "7=1");
		assertThat(this.fx.voteEvents).containsExactly(4, 8);
		assertThat(r.chosen()).isZero();
	}

	@Test
	void withoutEarlyStopAllSamplesComeInOneBatchAndUnparsedAreLeftOut() {
		this.fx.source("m").texts("The answer is 5.", "I am not sure", "The answer is 7.", "The answer is 7.");
		ReasoningResult r = this.fx.run("q", sc(4, new EarlyStop(StopRule.NONE, 1, 1, 0.95)));
		assertThat(this.fx.source("m").requests).hasSize(1);
		assertThat(r.answer()).isEqualTo("7");
		assertThat(r.chosen()).isEqualTo(2);
		assertThat(r.votes().unparsed()).isEqualTo(1);
		assertThat(r.confidence()).isEqualTo(2.0 / 3);
		assertThat(r.samplesSaved()).isZero();
		assertThat(r.stop().reason()).isEqualTo("max_samples");
		assertThat(r.candidates().get(1).answer()).isNull();
		assertThat(r.usage()).containsExactly(new ModelUsage("m", 4, 10, 20));
	}

	@Test
	void atTheDeadlineItVotesOnWhatArrivedAndCancelsTheStraggler() {
		this.fx.source("m")
			.texts("The answer is 5.", "The answer is 5.", "The answer is 7.", "The answer is 6.")
			.hangs();
		CompletableFuture<ReasoningResult> result = this.fx.start(ReasoningRequest.of("q", Fixture.spec("sc-16/m")));
		assertThat(result).isNotDone();
		this.fx.timer.fire();
		ReasoningResult r = result.join();
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.samplesUsed()).isEqualTo(4);
		assertThat(r.stop().reason()).isEqualTo("deadline");
		assertThat(r.degraded()).extracting(Degradation::component).containsExactly("deadline");
		assertThat(this.fx.source("m").pending.getFirst()).isCancelled();
		assertThat(this.fx.timer.requested).isEqualTo(java.time.Duration.ofSeconds(30));
	}

	@Test
	void tooFewSamplesAtTheDeadlineIsA504() {
		this.fx.source("m").hangs();
		CompletableFuture<ReasoningResult> result = this.fx.start(ReasoningRequest.of("q", Fixture.spec("sc-16/m")));
		this.fx.timer.fire();
		ReasoningException ex = Fixture.failure(result);
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.DEADLINE_EXCEEDED);
		assertThat(ex.getMessage()).contains("0 of the 4 samples");
	}

	@Test
	void aFailingBackendIsA503UnlessEnoughArrived() {
		this.fx.source("m").fails(new IllegalStateException("connection refused"));
		ReasoningException ex = Fixture.failure(this.fx.start(ReasoningRequest.of("q", Fixture.spec("sc-16/m"))));
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.BACKEND_UNAVAILABLE);
		assertThat(ex.getMessage()).contains("connection refused");

		Fixture second = new Fixture();
		second.source("m")
			.texts("The answer is 5.", "The answer is 7.", "The answer is 5.", "The answer is 7.")
			.fails(new IllegalStateException("boom"));
		ReasoningResult r = second.run("q", Fixture.spec("sc-16/m"));
		assertThat(r.answer()).isEqualTo("5");
		assertThat(r.stop().reason()).isEqualTo("backend_failed");
		assertThat(r.degraded()).containsExactly(new Degradation("model:m", "IllegalStateException: boom"));
	}

	@Test
	void unknownModelsAre404BeforeAnyGeneration() {
		ReasoningException ex = Fixture.failure(this.fx.start(ReasoningRequest.of("q", Fixture.spec("sc-4/nope"))));
		assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.NOT_FOUND);
		assertThat(ex.param()).isEqualTo("models");
	}

	@Test
	void aThrowingProgressListenerDoesNotBreakTheAnswer() {
		this.fx.source("m").always("The answer is 3.");
		ProgressListener broken = new ProgressListener() {
			@Override
			public void candidate(CandidateResult candidate) {
				throw new IllegalStateException("client went away");
			}
		};
		ReasoningResult r = this.fx.reasoner()
			.reason(ReasoningRequest.of("q", Fixture.spec("sc-8/m")), broken)
			.toCompletableFuture()
			.join();
		assertThat(r.answer()).isEqualTo("3");
	}

}
