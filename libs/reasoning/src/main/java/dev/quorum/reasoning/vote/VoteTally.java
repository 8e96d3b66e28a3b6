// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.vote;

import java.util.List;

/**
 * The outcome of a vote: the answer distribution, leader first.
 * <p>
 * Confidence definitions: {@link #agreement()} is the leader's count over the parsed
 * ballots (the self-consistency paper's consistency measure); {@link #share()} is the
 * leader's weight over the total weight (equal to the agreement for plurality). Unparsed
 * ballots are counted in {@link #unparsed()} and take no part in either.
 *
 * @param entries one entry per distinct answer, in ranking order (see {@link Voting})
 * @param parsed the number of ballots with an answer
 * @param unparsed the number of ballots without one
 * @param totalWeight the summed weight of the parsed ballots
 */
public record VoteTally(List<VoteEntry> entries, int parsed, int unparsed, double totalWeight) {

	public VoteTally {
		entries = List.copyOf(entries);
	}

	/**
	 * The winning entry.
	 * @return the leader, or {@code null} when no ballot was parsed
	 */
	public VoteEntry leader() {
		return this.entries.isEmpty() ? null : this.entries.getFirst();
	}

	/**
	 * The leader's count over the parsed ballots.
	 * @return a value in [0, 1]; 0 when nothing was parsed
	 */
	public double agreement() {
		return (this.parsed == 0) ? 0 : (double) leader().count() / this.parsed;
	}

	/**
	 * The leader's weight over the total weight.
	 * @return a value in [0, 1]; 0 when the total weight is 0
	 */
	public double share() {
		return (this.totalWeight <= 0) ? 0 : leader().weight() / this.totalWeight;
	}

	/**
	 * The counts of the entries, in ranking order, for the stopping rules.
	 * @return the counts
	 */
	public int[] counts() {
		return this.entries.stream().mapToInt(VoteEntry::count).toArray();
	}

}
