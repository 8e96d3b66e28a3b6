// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;
import java.util.List;

import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.extract.ExtractionOptions;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.stop.EarlyStop;

/**
 * What one request sets explicitly; every field may be {@code null} (use the default).
 * The services map the {@code /v1/reason} body or the {@code quorum} object into this
 * record.
 *
 * @param strategy the strategy
 * @param n the sample or branch count
 * @param models the models with their weights and per-model {@code n}
 * @param temperature the temperature
 * @param maxTokens the most tokens per sample
 * @param promptStyle the prompt style
 * @param answerFormat the extraction options
 * @param verifier the verifier
 * @param earlyStop the stopping settings
 * @param deadline the deadline
 * @param cotDecoding CoT-decoding options
 */
public record StrategyOverrides(Strategy strategy, Integer n, List<ModelSpec> models, Double temperature,
		Integer maxTokens, PromptStyle promptStyle, ExtractionOptions answerFormat, VerifierSpec verifier,
		EarlyStop earlyStop, Duration deadline, CotDecodingOptions cotDecoding) {

	/** Nothing set. */
	public static final StrategyOverrides NONE = new StrategyOverrides(null, null, null, null, null, null, null, null,
			null, null, null);

	/**
	 * The overrides a strategy model name implies: strategy, {@code n} and models.
	 * @param name the parsed name
	 * @return the overrides
	 */
	public static StrategyOverrides of(StrategyName name) {
		return new StrategyOverrides(name.strategy(), name.n(), name.models().stream().map(ModelSpec::of).toList(),
				null, null, null, null, null, null, null, null);
	}

}
