// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.reasoning.verify.VerifierScore;
import dev.quorum.reasoning.verify.YesNoScore;

/**
 * What the verifier model said at one verdict position: the Yes and No probability mass
 * among the next token's top alternatives.
 *
 * @param yesNo the masses, or null when the backend returned no logprobs at all
 */
public record Verdict(YesNoScore yesNo) {

	/** The backend answered without logprobs: nothing to score. */
	public static final Verdict NO_LOGPROBS = new Verdict(null);

	/**
	 * Whether the verdict can be scored: logprobs came back and "Yes" or "No" was among
	 * the top alternatives.
	 * @return whether there is a signal
	 */
	public boolean signal() {
		return this.yesNo != null && this.yesNo.signal();
	}

	/**
	 * The GenRM score {@code p(Yes) / (p(Yes) + p(No))}.
	 * @return the score, or {@link VerifierScore#NO_SIGNAL}
	 */
	public VerifierScore score() {
		return signal() ? VerifierScore.of(this.yesNo.normalized()) : VerifierScore.NO_SIGNAL;
	}

}
