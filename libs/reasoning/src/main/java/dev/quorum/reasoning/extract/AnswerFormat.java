// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import java.util.Locale;

/**
 * How the answer is found in a generated text.
 */
public enum AnswerFormat {

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
		for (AnswerFormat format : values()) {
			if (format.wireName().equalsIgnoreCase(name.strip())) {
				return format;
			}
		}
		throw new IllegalArgumentException(
				"unknown answer_format '" + name + "'; expected one of auto, number, choice, regex");
	}

	/**
	 * The lower-case name used on the wire.
	 * @return the wire name
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
