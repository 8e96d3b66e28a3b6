// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

import dev.quorum.reasoning.WireNamed;

/**
 * When self-consistency may stop sampling before {@code max_samples}.
 */
public enum StopRule implements WireNamed {

	/** Never stop early: always draw {@code max_samples}. */
	NONE,

	/**
	 * Stop only when the leader can no longer be overtaken (or tied) by the samples left:
	 * {@code leader > runnerUp + remaining}. The answer is then the one a full run would
	 * give.
	 */
	LEAD,

	/**
	 * {@link #LEAD}, or the Beta rule (leader against all other answers) reaching the
	 * threshold.
	 */
	BETA,

	/**
	 * {@link #LEAD}, or the Dirichlet rule (leader largest among all answers) reaching
	 * the threshold.
	 */
	DIRICHLET;

	/**
	 * Parses the wire name ({@code none}, {@code lead}, {@code beta}, {@code dirichlet}).
	 * @param name the name, case-insensitive
	 * @return the rule
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static StopRule parse(String name) {
		return WireNamed.parse(values(), name, "early_stop rule");
	}

}
