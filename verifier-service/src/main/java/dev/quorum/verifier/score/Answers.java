// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.openai.ApiException;
import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.Extraction;

/**
 * The rule-based side of verification, with the library's {@code auto} extraction order
 * and standard canonicalisation: a candidate's final answer, and whether it is equivalent
 * to a gold answer (numbers as {@code BigDecimal} with a relative tolerance, fractions,
 * percents, thousands separators and units normalised). This is the "reliable verifier"
 * of rewards: it cannot be talked into a Yes. Immutable and thread-safe.
 */
public final class Answers {

	private static final Answers STANDARD = new Answers(AnswerExtractor.auto(), Canonicalizer.standard());

	private final AnswerExtractor extractor;

	private final Canonicalizer canonicalizer;

	Answers(AnswerExtractor extractor, Canonicalizer canonicalizer) {
		this.extractor = extractor;
		this.canonicalizer = canonicalizer;
	}

	/**
	 * Answers with the library's defaults.
	 * @return the shared instance
	 */
	public static Answers standard() {
		return STANDARD;
	}

	/**
	 * Checks a gold answer from a request.
	 * @param gold the gold answer
	 * @param param the request field it came from, for the 400
	 * @return its canonical form
	 * @throws ApiException 400 naming {@code param} when it has no canonical form
	 */
	public CanonicalAnswer gold(String gold, String param) {
		CanonicalAnswer canonical = this.canonicalizer.canonicalize(gold);
		if (canonical == null) {
			throw ApiException.invalidRequest(param,
					"The reference answer '" + gold + "' is empty after normalisation");
		}
		return canonical;
	}

	/**
	 * A candidate's final answer.
	 * @param candidate the candidate
	 * @return the given answer, else the one extracted from the solution, else null
	 */
	public String answer(Candidate candidate) {
		if (candidate.answer() != null) {
			return candidate.answer();
		}
		Extraction extraction = this.extractor.extract(candidate.solution());
		return extraction.parsed() ? extraction.answer() : null;
	}

	/**
	 * Whether an answer is equivalent to the gold answer.
	 * @param gold the canonical gold answer
	 * @param answer the candidate's answer, or null (then false)
	 * @return whether they are equivalent
	 */
	public boolean correct(CanonicalAnswer gold, String answer) {
		if (answer == null) {
			return false;
		}
		CanonicalAnswer canonical = this.canonicalizer.canonicalize(answer);
		return canonical != null && this.canonicalizer.equivalent(gold, canonical);
	}

}
