// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.openai.CompletionUsage;

/**
 * Tokens the verifier model processed for one request, summed over its backend calls.
 *
 * @param promptTokens prompt tokens (cached ones included)
 * @param completionTokens generated tokens (verdict tokens and rationales)
 */
public record Usage(int promptTokens, int completionTokens) {

	/** Nothing processed (the reference method). */
	public static final Usage NONE = new Usage(0, 0);

	/**
	 * The usage a backend reported.
	 * @param usage the completion's usage, or null when the backend sent none
	 * @return the usage ({@link #NONE} for null)
	 */
	public static Usage of(CompletionUsage usage) {
		return (usage != null) ? new Usage(usage.promptTokens(), usage.completionTokens()) : NONE;
	}

	/**
	 * The sum of two usages.
	 * @param other the other usage
	 * @return the sum
	 */
	public Usage plus(Usage other) {
		return new Usage(this.promptTokens + other.promptTokens, this.completionTokens + other.completionTokens);
	}

	/**
	 * OpenAI's {@code usage} object.
	 * @return the usage with its total
	 */
	public CompletionUsage toWire() {
		return CompletionUsage.of(this.promptTokens, this.completionTokens);
	}

}
