// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.vote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;

/**
 * Plurality, weighted vote and best-of-N over canonical answers.
 * <p>
 * Ballots are grouped by {@link Canonicalizer#equivalent}: in ballot order, each answer
 * joins the first existing group whose representative (its first member) is equivalent,
 * else opens a new group. {@code null} answers are unparsed: counted, never grouped.
 * <p>
 * <b>Tie rule</b> (deterministic, no randomness): plurality ranks by count, then by the
 * earliest first occurrence; the weighted vote ranks by summed weight, then count, then
 * the earliest first occurrence; best-of-N takes the highest score and, among equal
 * scores, the earliest ballot. Ballot order is the order candidates arrived in (for
 * waves, wave by wave), so the same inputs always give the same winner.
 */
public final class Voting {

	private static final Comparator<VoteEntry> BY_COUNT = Comparator.comparingInt(VoteEntry::count)
		.reversed()
		.thenComparingInt(VoteEntry::firstIndex);

	private static final Comparator<VoteEntry> BY_WEIGHT = Comparator.comparingDouble(VoteEntry::weight)
		.reversed()
		.thenComparing(BY_COUNT);

	private final Canonicalizer canonicalizer;

	/**
	 * A voter that groups answers with the given equivalence.
	 * @param canonicalizer decides equivalence
	 */
	public Voting(Canonicalizer canonicalizer) {
		this.canonicalizer = canonicalizer;
	}

	/**
	 * Plurality vote: every parsed ballot weighs 1.
	 * @param answers canonical answers in arrival order, {@code null} for unparsed
	 * @return the tally, leader first
	 */
	public VoteTally plurality(List<CanonicalAnswer> answers) {
		double[] ones = new double[answers.size()];
		Arrays.fill(ones, 1.0);
		return tally(answers, ones, BY_COUNT);
	}

	/**
	 * Weighted vote: the weights of equivalent answers are summed (per-model weights,
	 * verifier scores, or their product).
	 * @param answers canonical answers in arrival order, {@code null} for unparsed
	 * @param weights one finite, non-negative weight per ballot
	 * @return the tally, leader first
	 */
	public VoteTally weighted(List<CanonicalAnswer> answers, double[] weights) {
		return tally(answers, weights, BY_WEIGHT);
	}

	/**
	 * Best-of-N: the parsed ballot with the highest score.
	 * @param answers canonical answers in arrival order, {@code null} for unparsed
	 * @param scores one finite score per ballot
	 * @return the selection, or {@code null} when no ballot was parsed
	 */
	public Selection bestOfN(List<CanonicalAnswer> answers, double[] scores) {
		check(answers, scores, false);
		Selection best = null;
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i) != null && (best == null || scores[i] > best.score())) {
				best = new Selection(i, answers.get(i), scores[i]);
			}
		}
		return best;
	}

	private VoteTally tally(List<CanonicalAnswer> answers, double[] weights, Comparator<VoteEntry> order) {
		check(answers, weights, true);
		List<Group> groups = new ArrayList<>();
		int unparsed = 0;
		double total = 0;
		for (int i = 0; i < answers.size(); i++) {
			CanonicalAnswer answer = answers.get(i);
			if (answer == null) {
				unparsed++;
				continue;
			}
			total += weights[i];
			group(groups, answer).add(i, weights[i]);
		}
		List<VoteEntry> entries = new ArrayList<>();
		for (Group g : groups) {
			entries.add(new VoteEntry(g.answer, g.members.size(), g.weight, g.members.getFirst(), g.members));
		}
		entries.sort(order);
		return new VoteTally(entries, answers.size() - unparsed, unparsed, total);
	}

	private Group group(List<Group> groups, CanonicalAnswer answer) {
		for (Group g : groups) {
			if (this.canonicalizer.equivalent(g.answer, answer)) {
				return g;
			}
		}
		Group g = new Group(answer);
		groups.add(g);
		return g;
	}

	private static void check(List<CanonicalAnswer> answers, double[] values, boolean nonNegative) {
		if (values.length != answers.size()) {
			throw new IllegalArgumentException(
					"need one weight per answer: " + answers.size() + " answers, " + values.length + " weights");
		}
		for (double v : values) {
			if (!Double.isFinite(v) || (nonNegative && v < 0)) {
				throw new IllegalArgumentException(
						"weights must be finite" + (nonNegative ? " and >= 0" : "") + ": " + v);
			}
		}
	}

	private static final class Group {

		private final CanonicalAnswer answer;

		private final List<Integer> members = new ArrayList<>();

		private double weight;

		Group(CanonicalAnswer answer) {
			this.answer = answer;
		}

		void add(int index, double weight) {
			this.members.add(index);
			this.weight += weight;
		}

	}

}
