// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

/**
 * Which rule found an answer, in the order {@link AnswerFormat#AUTO} tries them.
 */
public enum ExtractionMethod {

	/** The task's configured regular expression. */
	TASK_REGEX,

	/** The task's configured JSON field ({@code "field": value}). */
	JSON_FIELD,

	/** The content of the last balanced {@code \boxed{...}} or {@code \fbox{...}}. */
	BOXED,

	/**
	 * Minerva style: "final answer is X" (up to ". I hope it is correct" or the line
	 * end).
	 */
	FINAL_ANSWER,

	/** "The answer is X" (also "answer is X"), to the end of the sentence. */
	ANSWER_IS,

	/** "Answer: X", to the end of the line. */
	ANSWER_COLON,

	/** GSM8K style "#### X". */
	HASHES,

	/** A multiple-choice letter. */
	CHOICE,

	/** The last number of the text. */
	LAST_NUMBER,

	/** Nothing matched: the answer is unparsed and left out of votes. */
	UNPARSED

}
