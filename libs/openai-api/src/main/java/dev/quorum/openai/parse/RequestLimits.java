// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

/**
 * What a service allows beyond OpenAI's own ranges.
 *
 * @param maxN the largest {@code n} accepted (OpenAI allows 128)
 * @param maxTokens the largest {@code max_tokens} / {@code max_completion_tokens}
 * accepted; the prompt-plus-completion check against the context length is the service's
 * @param allowQuorumExtension whether the {@code quorum} object is accepted (ensemble
 * service) or rejected (decode service)
 * @param allowBranching whether the {@code quorum_branching} extension of completions is
 * accepted (decode service)
 */
public record RequestLimits(int maxN, int maxTokens, boolean allowQuorumExtension, boolean allowBranching) {

	/**
	 * Checks the limits.
	 */
	public RequestLimits {
		if (maxN < 1 || maxTokens < 1) {
			throw new IllegalArgumentException("maxN and maxTokens must be at least 1");
		}
	}

	/**
	 * Limits without the Quorum extension.
	 * @param maxN the largest {@code n}
	 * @param maxTokens the largest completion length
	 * @return the limits
	 */
	public static RequestLimits of(int maxN, int maxTokens) {
		return new RequestLimits(maxN, maxTokens, false, false);
	}

	/**
	 * These limits, accepting the {@code quorum} object.
	 * @return the copy
	 */
	public RequestLimits withQuorumExtension() {
		return new RequestLimits(this.maxN, this.maxTokens, true, this.allowBranching);
	}

	/**
	 * These limits, accepting the {@code quorum_branching} extension of completions.
	 * @return the copy
	 */
	public RequestLimits withBranching() {
		return new RequestLimits(this.maxN, this.maxTokens, this.allowQuorumExtension, true);
	}

}
