// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.Extraction;
import dev.quorum.reasoning.vote.VoteTally;
import dev.quorum.reasoning.vote.Voting;

/**
 * CoT-decoding (Wang and Zhou, "Chain-of-Thought Reasoning Without Prompting", NeurIPS
 * 2024): branch on the top-k first tokens, continue each greedily, and trust the branch
 * whose <em>answer</em> tokens were decoded with the largest probability margin: {@code Δ
 * = (1/|answer|) Σ_{t ∈ answer} (p(x_t^1) - p(x_t^2))}.
 * <p>
 * The answer is found with the extractor; its character span is mapped to the tokens that
 * overlap it (a token partly inside the span counts), and Δ is their mean margin. A
 * branch with no parsed answer, or whose answer no token covers, cannot be scored and is
 * never chosen. Selection takes the largest Δ (ties: the lower branch index), or with
 * aggregation the answer with the largest summed Δ (ties as in {@link Voting}).
 * Thread-safe.
 */
public final class CotDecoding {

	private final AnswerExtractor extractor;

	private final Canonicalizer canonicalizer;

	/**
	 * A scorer.
	 * @param extractor finds the answer span
	 * @param canonicalizer canonical answers and equivalence for aggregation
	 */
	public CotDecoding(AnswerExtractor extractor, Canonicalizer canonicalizer) {
		this.extractor = extractor;
		this.canonicalizer = canonicalizer;
	}

	/**
	 * Scores one branch.
	 * @param branch the branch index
	 * @param text the branch's generated text (the forced first token included)
	 * @param tokens its tokens in order, {@code tokens[0]} the forced first token, with
	 * offsets into {@code text}
	 * @param firstTokenProbability the probability of the first token
	 * @return the score
	 */
	public BranchScore score(int branch, String text, List<GeneratedToken> tokens, double firstTokenProbability) {
		Extraction extraction = this.extractor.extract(text);
		CanonicalAnswer answer = extraction.parsed() ? this.canonicalizer.canonicalize(extraction.answer()) : null;
		int first = -1;
		int end = -1;
		if (extraction.parsed()) {
			for (int i = 0; i < tokens.size(); i++) {
				if (tokens.get(i).overlaps(extraction.start(), extraction.end())) {
					first = (first < 0) ? i : first;
					end = i + 1;
				}
			}
		}
		double answerMargin = (first < 0) ? Double.NaN : meanMargin(tokens, first, end);
		double pathMargin = (tokens.size() < 2) ? Double.NaN : meanMargin(tokens, 1, tokens.size());
		return new BranchScore(branch, extraction, answer, first, end, answerMargin, pathMargin, firstTokenProbability);
	}

	/**
	 * The mean margin of tokens {@code [from, to)}.
	 * @param tokens the tokens
	 * @param from first index
	 * @param to end index (exclusive), greater than {@code from}
	 * @return the mean of {@code top1 - top2}
	 */
	public static double meanMargin(List<GeneratedToken> tokens, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += tokens.get(i).margin();
		}
		return sum / (to - from);
	}

	/**
	 * Chooses a branch.
	 * @param branches the scored branches
	 * @param options floor, aggregation and margin rule
	 * @return the choice, or {@code null} when no branch is eligible; the tally's ballot
	 * indices are positions in {@code branches}, and ineligible branches count as
	 * unparsed
	 */
	public CotSelection select(List<BranchScore> branches, CotDecodingOptions options) {
		double topFirst = branches.stream()
			.mapToDouble(BranchScore::firstTokenProbability)
			.filter((p) -> !Double.isNaN(p))
			.max()
			.orElse(Double.NaN);
		List<CanonicalAnswer> answers = new ArrayList<>();
		double[] margins = new double[branches.size()];
		for (int i = 0; i < branches.size(); i++) {
			BranchScore b = branches.get(i);
			boolean eligible = eligible(b, options, topFirst);
			answers.add(eligible ? b.answer() : null);
			margins[i] = eligible ? b.margin(options.rule()) : 0;
		}
		VoteTally tally = new Voting(this.canonicalizer).weighted(answers, margins);
		if (tally.leader() == null) {
			return null;
		}
		int best = -1;
		List<Integer> pool = options.aggregate() ? tally.leader().members() : eligiblePositions(answers);
		for (int i : pool) {
			if (best < 0 || margins[i] > margins[best]) {
				best = i;
			}
		}
		BranchScore chosen = branches.get(best);
		double confidence = options.aggregate() ? tally.share() : margins[best];
		return new CotSelection(chosen.branch(), chosen.answer(), confidence, tally);
	}

	private static boolean eligible(BranchScore b, CotDecodingOptions options, double topFirst) {
		double p = b.firstTokenProbability();
		boolean plausible = Double.isNaN(p) || p >= options.firstTokenFloor() || p == topFirst;
		return plausible && b.answer() != null && !Double.isNaN(b.margin(options.rule()));
	}

	private static List<Integer> eligiblePositions(List<CanonicalAnswer> answers) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			if (answers.get(i) != null) {
				positions.add(i);
			}
		}
		return positions;
	}

}
