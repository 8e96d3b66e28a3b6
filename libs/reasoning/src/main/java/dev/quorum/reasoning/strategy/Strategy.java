// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reasoning strategies, with their wire names and short aliases used in strategy
 * model names ({@code sc-16/tiny-reasoner}).
 */
public enum Strategy {

	/** One greedy sample with the request's prompt style (default {@code direct}). */
	GREEDY("greedy", false),

	/** One greedy sample with the chain-of-thought prompt. */
	COT("cot", false),

	/** {@code n} samples, plurality vote, adaptive stopping. Alias {@code sc}. */
	SELF_CONSISTENCY("self-consistency", true, "sc"),

	/**
	 * {@code n} = k first-token branches continued greedily, answer-span margin. Alias
	 * {@code cotd}.
	 */
	COT_DECODING("cot-decoding", true, "cotd"),

	/** {@code n} samples, the verifier's best one. Alias {@code bon}. */
	BEST_OF_N("best-of-n", true, "bon"),

	/** {@code n} samples, vote weighted by verifier score. Alias {@code vv}. */
	VERIFIED_VOTE("verified-vote", true, "vv"),

	/** Several models in parallel, votes weighted per model; {@code n} per model. */
	ENSEMBLE("ensemble", true);

	private final String wireName;

	private final boolean takesN;

	private final List<String> aliases;

	Strategy(String wireName, boolean takesN, String... aliases) {
		this.wireName = wireName;
		this.takesN = takesN;
		this.aliases = List.of(aliases);
	}

	/**
	 * The wire name ({@code self-consistency}, ...).
	 * @return the name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether the strategy takes a sample count {@code n}.
	 * @return {@code false} for greedy and cot
	 */
	public boolean takesN() {
		return this.takesN;
	}

	/**
	 * The wire name and aliases.
	 * @return every accepted name
	 */
	public List<String> names() {
		return Stream.concat(Stream.of(this.wireName), this.aliases.stream()).toList();
	}

	/**
	 * Finds a strategy by wire name or alias.
	 * @param name the name, case-sensitive lower case
	 * @return the strategy, or {@code null}
	 */
	public static Strategy find(String name) {
		for (Strategy s : values()) {
			if (s.names().contains(name)) {
				return s;
			}
		}
		return null;
	}

	/**
	 * Every accepted name, for error messages.
	 * @return the names, comma separated
	 */
	public static String known() {
		return String.join(", ", Arrays.stream(values()).flatMap((s) -> s.names().stream()).toList());
	}

}
