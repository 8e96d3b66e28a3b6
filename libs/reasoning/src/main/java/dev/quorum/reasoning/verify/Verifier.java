// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Scores candidate solutions to a question. Implemented by the verifier-service client
 * (GenRM over a model) and by {@link ReferenceVerifier} (rule-based, with a gold answer).
 */
@FunctionalInterface
public interface Verifier {

	/**
	 * Scores solutions.
	 * @param question the question the solutions answer
	 * @param solutions the solution texts
	 * @return one score per solution, in order; completes exceptionally when the verifier
	 * is unavailable (strategies then degrade and say so)
	 */
	CompletionStage<List<VerifierScore>> score(String question, List<String> solutions);

}
