// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;
import java.util.List;

import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.extract.ExtractionOptions;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.stop.EarlyStop;

import static dev.quorum.reasoning.strategy.StrategySpec.require;

/**
 * A service's configured defaults, and the resolution of a request's overrides into a
 * valid {@link StrategySpec}.
 *
 * @param strategy the strategy when the request names none
 * @param model the model when the request names none
 * @param samples {@code n} for self-consistency, best-of-n and verified-vote
 * @param branches {@code k} for cot-decoding
 * @param ensembleSamples {@code n} per model for ensemble
 * @param temperature the sampling temperature
 * @param maxTokens the most tokens per sample
 * @param verifier the verifier for best-of-n and verified-vote
 * @param earlyStop the stopping settings
 * @param deadline the deadline
 * @param cotDecoding CoT-decoding options
 */
public record StrategyDefaults(Strategy strategy, String model, int samples, int branches, int ensembleSamples,
		double temperature, int maxTokens, VerifierSpec verifier, EarlyStop earlyStop, Duration deadline,
		CotDecodingOptions cotDecoding) {

	/**
	 * Defaults for the shipped models, from the tiny-reasoner probe: self-consistency
	 * with 8 samples at T=0.8, cot-decoding with k=2 (best in every measured column), 4
	 * samples per ensemble model, 256 tokens, GenRM with {@code tiny-verifier}, Beta
	 * stopping at 0.95 after at least 4 samples, a 30 s deadline.
	 */
	public static final StrategyDefaults DEFAULT = new StrategyDefaults(Strategy.SELF_CONSISTENCY, "tiny-reasoner", 8,
			2, 4, 0.8, 256, VerifierSpec.genrm("tiny-verifier"), EarlyStop.DEFAULT, Duration.ofSeconds(30),
			CotDecodingOptions.DEFAULT);

	/**
	 * Fills a request's gaps with defaults, checks consistency and caps.
	 * @param request what the request set
	 * @param limits the caps
	 * @return the validated spec
	 * @throws dev.quorum.reasoning.ReasoningException ({@code INVALID_REQUEST}) naming
	 * the field
	 */
	public StrategySpec resolve(StrategyOverrides request, StrategyLimits limits) {
		Strategy s = (request.strategy() != null) ? request.strategy() : this.strategy;
		List<ModelSpec> models = (request.models() != null) ? request.models() : List.of(ModelSpec.of(this.model));
		boolean greedy = !s.takesN();
		require(!greedy || request.n() == null || request.n() == 1, "n",
				s.wireName() + " draws one sample; n must be 1");
		require(!greedy || request.temperature() == null || request.temperature() == 0, "temperature",
				s.wireName() + " decodes greedily; temperature must be 0");
		require(s != Strategy.COT || request.promptStyle() == null || request.promptStyle() == PromptStyle.COT,
				"prompt_style", "cot always uses the cot prompt style");
		boolean verified = s == Strategy.BEST_OF_N || s == Strategy.VERIFIED_VOTE || s == Strategy.ENSEMBLE;
		require(verified || request.verifier() == null, "verifier", s.wireName() + " does not use a verifier");
		require(s == Strategy.COT_DECODING || request.cotDecoding() == null, "cot_decoding",
				"cot_decoding options apply only to the cot-decoding strategy");
		int n = greedy ? 1 : ((request.n() != null) ? request.n() : defaultN(s));
		StrategySpec spec = new StrategySpec(s, n, models, greedy ? 0 : or(request.temperature(), this.temperature),
				or(request.maxTokens(), this.maxTokens), or(request.promptStyle(), defaultStyle(s)),
				or(request.answerFormat(), ExtractionOptions.auto()), verifier(s, request.verifier()), this.earlyStop,
				or(request.deadline(), this.deadline), or(request.cotDecoding(), this.cotDecoding));
		return withEarlyStop(spec, request.earlyStop()).validate(limits);
	}

	private StrategySpec withEarlyStop(StrategySpec spec, EarlyStop requested) {
		int planned = spec.plannedSamples();
		EarlyStop stop = requested;
		if (stop == null) {
			stop = new EarlyStop(this.earlyStop.rule(), Math.min(this.earlyStop.minSamples(), planned),
					this.earlyStop.waveSize(), this.earlyStop.confidence());
		}
		require(stop.minSamples() <= planned, "early_stop.min_samples",
				"min_samples=" + stop.minSamples() + " exceeds the " + planned + " planned samples");
		return new StrategySpec(spec.strategy(), spec.n(), spec.models(), spec.temperature(), spec.maxTokens(),
				spec.promptStyle(), spec.answerFormat(), spec.verifier(), stop, spec.deadline(), spec.cotDecoding());
	}

	private int defaultN(Strategy s) {
		return switch (s) {
			case COT_DECODING -> this.branches;
			case ENSEMBLE -> this.ensembleSamples;
			default -> this.samples;
		};
	}

	private static PromptStyle defaultStyle(Strategy s) {
		return switch (s) {
			case GREEDY -> PromptStyle.DIRECT;
			case COT_DECODING -> PromptStyle.PLAIN;
			default -> PromptStyle.COT;
		};
	}

	private VerifierSpec verifier(Strategy s, VerifierSpec requested) {
		if (requested != null || s == Strategy.ENSEMBLE) {
			return requested;
		}
		return (s == Strategy.BEST_OF_N || s == Strategy.VERIFIED_VOTE) ? this.verifier : null;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
