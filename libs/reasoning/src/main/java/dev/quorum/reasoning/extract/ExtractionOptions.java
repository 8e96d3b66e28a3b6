// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Per-task extraction settings. Immutable, so one instance can serve concurrent requests.
 *
 * @param format the extraction format
 * @param pattern the task regex: required for {@link AnswerFormat#REGEX}, tried second in
 * {@link AnswerFormat#AUTO}; group 1 is the answer when the pattern has a group, else the
 * whole match; may be {@code null}
 * @param jsonField a JSON field name whose value is the answer (tried with the task regex
 * in auto mode); may be {@code null}
 * @param choiceLetters the option letters, e.g. {@code "ABCD"}; empty means the task has
 * no options, and auto mode then skips the choice rule; {@link AnswerFormat#CHOICE}
 * defaults to {@code "ABCDE"}
 */
public record ExtractionOptions(AnswerFormat format, Pattern pattern, String jsonField, String choiceLetters) {

	private static final ExtractionOptions AUTO = new ExtractionOptions(AnswerFormat.AUTO, null, null, "");

	public ExtractionOptions {
		if (format == null) {
			throw new IllegalArgumentException("format must not be null");
		}
		if (format == AnswerFormat.REGEX && pattern == null) {
			throw new IllegalArgumentException("answer_format 'regex' needs a pattern");
		}
		choiceLetters = (choiceLetters == null || choiceLetters.isEmpty())
				? ((format == AnswerFormat.CHOICE) ? "ABCDE" : "") : choiceLetters;
		if (!choiceLetters.chars().allMatch((c) -> c >= 'A' && c <= 'Z')) {
			throw new IllegalArgumentException("choice letters must be upper-case A-Z, got '" + choiceLetters + "'");
		}
		if (jsonField != null && jsonField.isBlank()) {
			jsonField = null;
		}
	}

	/**
	 * The default: {@link AnswerFormat#AUTO} with no task regex, JSON field or options.
	 * @return the auto options
	 */
	public static ExtractionOptions auto() {
		return AUTO;
	}

	/**
	 * Options for one format, without task specifics.
	 * @param format the format; {@link AnswerFormat#REGEX} needs {@link #regex(String)}
	 * @return the options
	 */
	public static ExtractionOptions of(AnswerFormat format) {
		return new ExtractionOptions(format, null, null, null);
	}

	/**
	 * Options for {@link AnswerFormat#REGEX}.
	 * @param regex a Java regular expression
	 * @return the options
	 * @throws IllegalArgumentException when the expression does not compile
	 */
	public static ExtractionOptions regex(String regex) {
		return AUTO.withPattern(regex).withFormat(AnswerFormat.REGEX);
	}

	private ExtractionOptions withFormat(AnswerFormat format) {
		return new ExtractionOptions(format, this.pattern, this.jsonField, this.choiceLetters);
	}

	/**
	 * A copy with a task regex (tried second in {@link AnswerFormat#AUTO}).
	 * @param regex a Java regular expression; group 1 is the answer when present
	 * @return the new options
	 * @throws IllegalArgumentException when the expression does not compile
	 */
	public ExtractionOptions withPattern(String regex) {
		try {
			return new ExtractionOptions(this.format, Pattern.compile(regex), this.jsonField, this.choiceLetters);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("invalid answer regex: " + ex.getDescription(), ex);
		}
	}

	/**
	 * A copy with multiple-choice options.
	 * @param letters the option letters, e.g. {@code "ABCD"}
	 * @return the new options
	 */
	public ExtractionOptions withChoices(String letters) {
		return new ExtractionOptions(this.format, this.pattern, this.jsonField, letters);
	}

	/**
	 * A copy with a JSON answer field (used by {@link AnswerFormat#AUTO}).
	 * @param field the field name
	 * @return the new options
	 */
	public ExtractionOptions withJsonField(String field) {
		return new ExtractionOptions(this.format, this.pattern, field, this.choiceLetters);
	}

}
