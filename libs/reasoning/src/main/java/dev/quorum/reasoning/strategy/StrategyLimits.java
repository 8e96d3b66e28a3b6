// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;

/**
 * Caps a service enforces on every request; exceeding one is a 400 naming the field.
 *
 * @param maxN the most samples per model (and in total per strategy)
 * @param maxK the most CoT-decoding branches
 * @param maxModels the most models in an ensemble
 * @param maxTokens the largest {@code max_tokens}
 * @param maxTemperature the largest temperature
 * @param maxDeadline the longest deadline
 * @param maxVerifierK the most GenRM-CoT rationales
 */
public record StrategyLimits(int maxN, int maxK, int maxModels, int maxTokens, double maxTemperature,
		Duration maxDeadline, int maxVerifierK) {

	/** Defaults: n 64, k 10, 8 models, 1024 tokens, temperature 2, 120 s, K 8. */
	public static final StrategyLimits DEFAULT = new StrategyLimits(64, 10, 8, 1024, 2.0, Duration.ofSeconds(120), 8);

}
