// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

import java.util.Locale;

/**
 * When self-consistency may stop sampling before {@code max_samples}.
 */
public enum StopRule {

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
		for (StopRule rule : values()) {
			if (rule.wireName().equalsIgnoreCase(name.strip())) {
				return rule;
			}
		}
		throw new IllegalArgumentException(
				"unknown early_stop rule '" + name + "'; expected one of none, lead, beta, dirichlet");
	}

	/**
	 * The lower-case wire name.
	 * @return the name
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
