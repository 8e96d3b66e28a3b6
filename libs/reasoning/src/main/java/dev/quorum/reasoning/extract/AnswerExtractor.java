// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a generated text.
 * <p>
 * Think tags are stripped first (see the class notes of the rules below), then, for
 * {@link AnswerFormat#AUTO}, these rules are tried in order and the first that matches
 * wins; each rule takes its <em>last</em> occurrence in the text:
 * <ol>
 * <li>the task regex, then the task JSON field (when configured);</li>
 * <li>the last balanced {@code \boxed{...}} / {@code \fbox{...}} (nested braces);</li>
 * <li>Minerva's "final answer is X" (up to ". I hope it is correct" or the line
 * end);</li>
 * <li>"The answer is X" (to the sentence end) or "Answer: X" (to the line end), whichever
 * comes later;</li>
 * <li>GSM8K's {@code #### X};</li>
 * <li>a multiple-choice letter (MMLU-Pro ladder), only when choice letters are
 * configured;</li>
 * <li>the last number.</li>
 * </ol>
 * Otherwise the result is {@link Extraction#unparsed()}. Spans are trimmed of whitespace,
 * markdown bold and trailing sentence punctuation, and refer to the original text.
 * Instances are immutable and thread-safe.
 */
public final class AnswerExtractor {

	private static final AnswerExtractor AUTO = new AnswerExtractor(ExtractionOptions.auto());

	private final ExtractionOptions options;

	private final List<Function<String, Found>> rules;

	/**
	 * An extractor for the given options.
	 * @param options the per-task options
	 */
	public AnswerExtractor(ExtractionOptions options) {
		this.options = Objects.requireNonNull(options, "options");
		this.rules = rules(options);
	}

	/**
	 * The shared {@link AnswerFormat#AUTO} extractor with no task options.
	 * @return the auto extractor
	 */
	public static AnswerExtractor auto() {
		return AUTO;
	}

	/**
	 * The options this extractor uses.
	 * @return the options
	 */
	public ExtractionOptions options() {
		return this.options;
	}

	/**
	 * Extracts the answer from a generated text.
	 * @param text the generated text (may contain think tags); {@code null} counts as
	 * empty
	 * @return the answer with its method and original span, or
	 * {@link Extraction#unparsed()}
	 */
	public Extraction extract(String text) {
		if (text == null || text.isEmpty()) {
			return Extraction.unparsed();
		}
		ThinkTags.Visible visible = ThinkTags.strip(text);
		for (Function<String, Found> rule : this.rules) {
			Found found = rule.apply(visible.text());
			if (found != null) {
				int[] span = visible.toOriginal(found.start(), found.end());
				return new Extraction(text.substring(span[0], span[1]), found.method(), span[0], span[1]);
			}
		}
		return Extraction.unparsed();
	}

	private static List<Function<String, Found>> rules(ExtractionOptions options) {
		return switch (options.format()) {
			case NUMBER -> List.of(PatternRules::lastNumber);
			case CHOICE -> List.of(choiceRule(options));
			case REGEX ->
				List.of((text) -> PatternRules.taskRegex(options.pattern(), text, ExtractionMethod.TASK_REGEX));
			case AUTO -> autoRules(options);
		};
	}

	private static List<Function<String, Found>> autoRules(ExtractionOptions options) {
		List<Function<String, Found>> rules = new ArrayList<>();
		if (options.pattern() != null) {
			rules.add((text) -> PatternRules.taskRegex(options.pattern(), text, ExtractionMethod.TASK_REGEX));
		}
		if (options.jsonField() != null) {
			Pattern json = PatternRules.jsonPattern(options.jsonField());
			rules.add((text) -> PatternRules.jsonField(json, text));
		}
		rules.add(MarkerRules::boxed);
		rules.add(MarkerRules::finalAnswer);
		rules.add(MarkerRules::answerPhrase);
		rules.add(MarkerRules::hashes);
		if (!options.choiceLetters().isEmpty()) {
			rules.add(choiceRule(options));
		}
		rules.add(PatternRules::lastNumber);
		return List.copyOf(rules);
	}

	private static Function<String, Found> choiceRule(ExtractionOptions options) {
		List<Pattern> ladder = PatternRules.choiceLadder(options.choiceLetters());
		return (text) -> PatternRules.choice(ladder, text);
	}

}
