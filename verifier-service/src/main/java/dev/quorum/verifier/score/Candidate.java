// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * One candidate solution to verify.
 *
 * @param solution the solution text (reasoning and final answer); empty only for a
 * reference check of a bare answer
 * @param answer the candidate's final answer as the caller extracted it, or null to
 * extract it from the solution
 */
public record Candidate(String solution, String answer) {

	/**
	 * Checks the candidate.
	 */
	public Candidate {
		if (solution == null) {
			throw new IllegalArgumentException("solution must not be null");
		}
	}

	/**
	 * A candidate given as text only.
	 * @param solution the solution
	 * @return the candidate
	 */
	public static Candidate of(String solution) {
		return new Candidate(solution, null);
	}

}
