// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.prompt.PromptCatalog;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.StrategyDefaults;
import dev.quorum.reasoning.strategy.StrategyLimits;
import dev.quorum.reasoning.strategy.StrategyName;
import dev.quorum.reasoning.strategy.StrategyOverrides;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.Verifier;
import dev.quorum.reasoning.vote.VoteTally;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wires a {@link Reasoner} to scripted sources, a manual deadline and a clock that
 * advances one millisecond per reading; records progress events.
 */
final class Fixture implements ProgressListener {

	final Map<String, ScriptedSource> sources = new HashMap<>();

	final Map<String, Verifier> verifiers = new HashMap<>();

	final ManualTimer timer = new ManualTimer();

	final List<CandidateResult> candidateEvents = new ArrayList<>();

	final List<Integer> voteEvents = new ArrayList<>();

	final List<StopDecision> stopEvents = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong();

	ScriptedSource source(String model) {
		return this.sources.computeIfAbsent(model, ScriptedSource::new);
	}

	Reasoner reasoner() {
		ReasoningServices services = new ReasoningServices(this.sources::get,
				(VerifierSpec spec) -> this.verifiers.get(spec.model()), this.timer,
				() -> this.nanos.addAndGet(1_000_000), PromptCatalog.builtIn(), Canonicalizer.standard());
		return new Reasoner(services);
	}

	static StrategySpec spec(String name) {
		return spec(StrategyOverrides.of(StrategyName.parse(name)));
	}

	static StrategySpec spec(StrategyOverrides overrides) {
		return StrategyDefaults.DEFAULT.resolve(overrides, StrategyLimits.DEFAULT);
	}

	CompletableFuture<ReasoningResult> start(ReasoningRequest request) {
		return reasoner().reason(request, this).toCompletableFuture();
	}

	ReasoningResult run(ReasoningRequest request) {
		CompletableFuture<ReasoningResult> result = start(request);
		assertThat(result).isDone();
		return result.join();
	}

	ReasoningResult run(String question, StrategySpec spec) {
		return run(ReasoningRequest.of(question, spec));
	}

	/** The exception a request failed with (the stage must already be done). */
	static ReasoningException failure(CompletableFuture<ReasoningResult> result) {
		assertThat(result).isCompletedExceptionally();
		Throwable cause = result.exceptionNow();
		assertThat(cause).isInstanceOf(ReasoningException.class);
		return (ReasoningException) cause;
	}

	@Override
	public void candidate(CandidateResult candidate) {
		this.candidateEvents.add(candidate);
	}

	@Override
	public void vote(VoteTally tally, int samplesUsed) {
		this.voteEvents.add(samplesUsed);
	}

	@Override
	public void earlyStop(StopDecision decision, int samplesUsed, int samplesSaved) {
		this.stopEvents.add(decision);
	}

}
