// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.vote;

import java.util.List;

import dev.quorum.reasoning.canon.CanonicalAnswer;

/**
 * One answer's share of a vote.
 *
 * @param answer the canonical answer of the group (its first member's form)
 * @param count how many ballots chose it
 * @param weight the summed weight of those ballots (equals {@code count} for plurality)
 * @param firstIndex the ballot index of its first occurrence (used by the tie rule)
 * @param members the ballot indices that chose it, ascending
 */
public record VoteEntry(CanonicalAnswer answer, int count, double weight, int firstIndex, List<Integer> members) {

	public VoteEntry {
		members = List.copyOf(members);
	}

}
