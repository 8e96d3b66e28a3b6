// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;
import java.util.List;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.extract.ExtractionOptions;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.stop.EarlyStop;

/**
 * One request's complete, immutable strategy configuration. Build it with
 * {@link StrategyDefaults#resolve} (defaults, consistency checks and caps) rather than by
 * hand.
 *
 * @param strategy the strategy
 * @param n samples (self-consistency: the most; best-of-n, verified-vote), branches k
 * (cot-decoding), default samples per model (ensemble); 1 for greedy and cot
 * @param models the models, at least one; exactly one unless the strategy is ensemble
 * @param temperature the sampling temperature (0 for greedy and cot; cot-decoding
 * continues greedily and uses it only when it falls back to self-consistency)
 * @param maxTokens the most tokens per sample
 * @param promptStyle the prompt style
 * @param answerFormat the extraction options
 * @param verifier the verifier, required for best-of-n and verified-vote, optional for
 * ensemble (then each sample weighs model weight × score), else {@code null}
 * @param earlyStop stopping settings; the rule drives self-consistency waves, and
 * {@code min_samples} is what every strategy needs at the deadline to answer at all
 * @param deadline the time after which the strategy answers from what has arrived
 * @param cotDecoding CoT-decoding selection options
 */
public record StrategySpec(Strategy strategy, int n, List<ModelSpec> models, double temperature, int maxTokens,
		PromptStyle promptStyle, ExtractionOptions answerFormat, VerifierSpec verifier, EarlyStop earlyStop,
		Duration deadline, CotDecodingOptions cotDecoding) {

	public StrategySpec {
		if (strategy == null || models == null || promptStyle == null || answerFormat == null || earlyStop == null
				|| deadline == null || cotDecoding == null) {
			throw ReasoningException.invalid(null, "incomplete strategy specification");
		}
		models = List.copyOf(models);
		require(n >= 1, "n", "n must be at least 1, got " + n);
		require(!models.isEmpty(), "models", "at least one model is required");
		require(models.size() == 1 || strategy == Strategy.ENSEMBLE, "models",
				"only ensemble combines several models; " + strategy.wireName() + " got " + models.size());
		require(temperature >= 0 && Double.isFinite(temperature), "temperature", "temperature must be >= 0");
		require(maxTokens >= 1, "max_tokens", "max_tokens must be at least 1");
		require(!deadline.isNegative() && !deadline.isZero(), "deadline_ms", "the deadline must be positive");
		boolean needsVerifier = strategy == Strategy.BEST_OF_N || strategy == Strategy.VERIFIED_VOTE;
		require(!needsVerifier || verifier != null, "verifier", strategy.wireName() + " needs a verifier");
	}

	/**
	 * The samples the strategy plans to draw (before early stopping).
	 * @return 1 for greedy and cot, the sum of per-model samples for ensemble, else
	 * {@code n}
	 */
	public int plannedSamples() {
		if (this.strategy == Strategy.ENSEMBLE) {
			return this.models.stream().mapToInt((m) -> m.samples(this.n)).sum();
		}
		return this.strategy.takesN() ? this.n : 1;
	}

	/**
	 * Checks the spec against a service's caps.
	 * @param limits the caps
	 * @return this spec
	 * @throws ReasoningException ({@code INVALID_REQUEST}) naming the first field over
	 * its cap
	 */
	public StrategySpec validate(StrategyLimits limits) {
		if (this.strategy == Strategy.COT_DECODING) {
			require(this.n <= limits.maxK(), "n",
					"cot-decoding branches k=" + this.n + " exceed the cap " + limits.maxK());
		}
		else {
			require(this.n <= limits.maxN(), "n", "n=" + this.n + " exceeds the cap " + limits.maxN());
		}
		require(this.models.size() <= limits.maxModels(), "models",
				this.models.size() + " models exceed the cap " + limits.maxModels());
		for (int i = 0; i < this.models.size(); i++) {
			int samples = this.models.get(i).samples(this.n);
			require(samples <= limits.maxN(), "models[" + i + "].n",
					"n=" + samples + " for " + this.models.get(i).name() + " exceeds the cap " + limits.maxN());
		}
		require(this.maxTokens <= limits.maxTokens(), "max_tokens",
				"max_tokens=" + this.maxTokens + " exceeds the cap " + limits.maxTokens());
		require(this.temperature <= limits.maxTemperature(), "temperature",
				"temperature=" + this.temperature + " exceeds the cap " + limits.maxTemperature());
		require(this.deadline.compareTo(limits.maxDeadline()) <= 0, "deadline_ms",
				"deadline_ms=" + this.deadline.toMillis() + " exceeds the cap " + limits.maxDeadline().toMillis());
		require(this.verifier == null || this.verifier.k() <= limits.maxVerifierK(), "verifier.k",
				"verifier k exceeds the cap " + limits.maxVerifierK());
		return this;
	}

	static void require(boolean condition, String param, String message) {
		if (!condition) {
			throw ReasoningException.invalid(param, message);
		}
	}

}
