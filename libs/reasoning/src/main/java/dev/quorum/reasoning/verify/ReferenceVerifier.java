// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.Extraction;

/**
 * The rule-based verifier: a solution scores 1 when its extracted answer is equivalent to
 * the gold answer, else 0 (an unparsed solution scores 0, with signal). This is the
 * "reliable verifier" for rewards and rejection sampling. Immutable and thread-safe.
 */
public final class ReferenceVerifier implements Verifier {

	private final CanonicalAnswer gold;

	private final AnswerExtractor extractor;

	private final Canonicalizer canonicalizer;

	/**
	 * A verifier for one gold answer.
	 * @param gold the bare gold answer (e.g. {@code "4580"}, {@code "3/4"}, {@code "B"})
	 * @param extractor finds the answer in solutions
	 * @param canonicalizer decides equivalence
	 * @throws IllegalArgumentException when the gold answer has no canonical form
	 */
	public ReferenceVerifier(String gold, AnswerExtractor extractor, Canonicalizer canonicalizer) {
		this.gold = canonicalizer.canonicalize(gold);
		if (this.gold == null) {
			throw new IllegalArgumentException("the gold answer '" + gold + "' is empty after normalisation");
		}
		this.extractor = extractor;
		this.canonicalizer = canonicalizer;
	}

	/**
	 * A verifier with the auto extractor and the standard canonicalizer.
	 * @param gold the bare gold answer
	 * @return the verifier
	 */
	public static ReferenceVerifier of(String gold) {
		return new ReferenceVerifier(gold, AnswerExtractor.auto(), Canonicalizer.standard());
	}

	/**
	 * Whether a solution reaches the gold answer.
	 * @param solution the solution text
	 * @return whether its extracted answer is equivalent to the gold answer
	 */
	public boolean accepts(String solution) {
		Extraction e = this.extractor.extract(solution);
		if (!e.parsed()) {
			return false;
		}
		CanonicalAnswer answer = this.canonicalizer.canonicalize(e.answer());
		return answer != null && this.canonicalizer.equivalent(this.gold, answer);
	}

	/**
	 * The reward of a solution.
	 * @param solution the solution text
	 * @return 1 when accepted, else 0
	 */
	public double reward(String solution) {
		return accepts(solution) ? 1.0 : 0.0;
	}

	@Override
	public CompletionStage<List<VerifierScore>> score(String question, List<String> solutions) {
		return CompletableFuture.completedFuture(solutions.stream().map((s) -> VerifierScore.of(reward(s))).toList());
	}

}
