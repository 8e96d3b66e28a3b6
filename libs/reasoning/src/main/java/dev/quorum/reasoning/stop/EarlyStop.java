// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

/**
 * Adaptive stopping settings for self-consistency.
 *
 * @param rule the stopping rule
 * @param minSamples never stop before this many samples have arrived (parsed or not)
 * @param waveSize samples requested per wave after the first; the first wave has
 * {@code max(minSamples, waveSize)} samples
 * @param confidence the probability threshold of the Beta and Dirichlet rules, in (0.5,
 * 1)
 */
public record EarlyStop(StopRule rule, int minSamples, int waveSize, double confidence) {

	/**
	 * Defaults: Beta at 0.95 (Adaptive-Consistency's default), at least 4 samples, waves
	 * of 4.
	 */
	public static final EarlyStop DEFAULT = new EarlyStop(StopRule.BETA, 4, 4, 0.95);

	/** No early stopping. */
	public static final EarlyStop OFF = new EarlyStop(StopRule.NONE, 1, 1, 0.95);

	public EarlyStop {
		if (rule == null) {
			throw new IllegalArgumentException("rule must not be null");
		}
		if (minSamples < 1 || waveSize < 1) {
			throw new IllegalArgumentException("min_samples and wave size must be at least 1");
		}
		if (!(confidence > 0.5 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
		}
	}

	/**
	 * The size of the first wave.
	 * @param maxSamples the sample budget
	 * @return {@code min(maxSamples, max(minSamples, waveSize))}, or {@code maxSamples}
	 * when the rule is {@link StopRule#NONE}
	 */
	public int firstWave(int maxSamples) {
		return (this.rule == StopRule.NONE) ? maxSamples
				: Math.min(maxSamples, Math.max(this.minSamples, this.waveSize));
	}

}
