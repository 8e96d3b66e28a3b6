// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import dev.quorum.reasoning.WireNamed;

/**
 * How the answer is found in a generated text.
 */
public enum AnswerFormat implements WireNamed {

	/**
	 * The ordered rule list of {@link AnswerExtractor}: think tags, task regex / JSON
	 * field, {@code \boxed{}}, "final answer is", "The answer is" / "Answer:",
	 * {@code ####}, multiple-choice letter (only when choice letters are configured),
	 * last number.
	 */
	AUTO,

	/** The last number of the text (think tags stripped). */
	NUMBER,

	/** A multiple-choice letter, found by the MMLU-Pro three-level ladder. */
	CHOICE,

	/** The last match of a configured regular expression (group 1 if present). */
	REGEX;

	/**
	 * Parses the wire name ({@code auto}, {@code number}, {@code choice}, {@code regex}).
	 * @param name the name, case-insensitive
	 * @return the format
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	public static AnswerFormat parse(String name) {
		return WireNamed.parse(values(), name, "answer_format");
	}

}
