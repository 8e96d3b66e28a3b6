// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.reasoning.verify.GenRm;

/**
 * The verifier's prompts, all built on the library's {@link GenRm#prompt} so that the
 * bytes before the verdict are exactly those the verifier was trained on.
 * <ul>
 * <li>direct: {@code Q: {q}\nLet's think step by step.\n{solution}\nIs the answer correct
 * (Yes/No)? }</li>
 * <li>rationale: {@code Q: {q}\nLet's think step by step.\n{solution}\n{instruction}\n}
 * (the model writes a verification rationale from here)</li>
 * <li>verdict after a rationale: {@code ...{instruction}\n{rationale}\nIs the answer
 * correct (Yes/No)? }</li>
 * </ul>
 */
final class GenRmPrompts {

	/** The verdict question that ends every direct prompt, trailing space included. */
	static final String VERDICT = "Is the answer correct (Yes/No)? ";

	/**
	 * Where rationales are cut: a model that writes its own verdict line is stopped
	 * before it, so the verdict question is always ours, byte for byte.
	 */
	static final String RATIONALE_STOP = "Is the answer correct";

	private GenRmPrompts() {
	}

	/**
	 * The direct GenRM prompt.
	 * @param question the question
	 * @param solution the candidate solution
	 * @return the prompt, ending with the verdict question
	 */
	static String direct(String question, String solution) {
		return GenRm.prompt(question, solution);
	}

	/**
	 * The prompt a rationale is sampled from.
	 * @param question the question
	 * @param solution the candidate solution
	 * @param instruction the line that asks for a rationale
	 * @return the prompt, ending with the instruction and a newline
	 */
	static String rationale(String question, String solution, String instruction) {
		String withVerdict = GenRm.prompt(question, solution.stripTrailing() + "\n" + instruction);
		return withVerdict.substring(0, withVerdict.length() - VERDICT.length());
	}

	/**
	 * The prompt whose next token is the verdict after a rationale.
	 * @param question the question
	 * @param solution the candidate solution
	 * @param instruction the line that asked for the rationale
	 * @param rationale the sampled rationale
	 * @return the rationale prompt, the rationale and the verdict question
	 */
	static String verdict(String question, String solution, String instruction, String rationale) {
		return rationale(question, solution, instruction) + rationale.strip() + "\n" + VERDICT;
	}

}
