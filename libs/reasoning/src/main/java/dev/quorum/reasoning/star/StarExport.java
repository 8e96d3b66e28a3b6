// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.star;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quorum.reasoning.pipeline.CandidateResult;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.verify.ReferenceVerifier;

/**
 * Rejection sampling for STaR: keeps the candidates whose answer the rule-based reference
 * verifier accepts, one record per distinct rationale.
 */
public final class StarExport {

	private StarExport() {
	}

	/**
	 * The accepted records of a reasoning result.
	 * @param question the question the result answers
	 * @param result the result with its candidates
	 * @param reference the verifier holding the gold answer
	 * @return accepted records in candidate order, duplicates of a rationale removed
	 */
	public static List<StarRecord> accepted(String question, ReasoningResult result, ReferenceVerifier reference) {
		List<StarRecord> records = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (CandidateResult c : result.candidates()) {
			String text = c.candidate().text();
			if (c.answer() != null && reference.accepts(text) && seen.add(text)) {
				records.add(new StarRecord(question, text, c.answer().key(), c.candidate().model(),
						c.scores().get("verifier")));
			}
		}
		return records;
	}

}
