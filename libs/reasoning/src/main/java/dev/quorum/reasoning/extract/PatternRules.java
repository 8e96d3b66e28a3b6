// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that match a shape anywhere in the text: the task regex, a JSON field, a
 * multiple-choice letter and the last number. Each takes the <em>last</em> match.
 */
final class PatternRules {

	/**
	 * A number: a minus sign only when not preceded by a word character (so
	 * {@code 427-188} yields {@code 188}); comma thousands groups only of exactly three
	 * digits; an optional decimal part; an optional {@code /denominator}.
	 */
	static final Pattern NUMBER = Pattern
		.compile("(?<![\\w.])(?:(?<![\\w)])-)?(?:\\d{1,3}(?:,\\d{3}(?!\\d))+|\\d+)(?:\\.\\d+)?(?:/\\d+(?![\\d.]))?"
				+ "|(?<![\\w.])-?\\.\\d+");

	private PatternRules() {
	}

	/**
	 * The last match of the task regex: group 1 when the pattern has one and it matched.
	 */
	static Found taskRegex(Pattern pattern, String text, ExtractionMethod method) {
		Matcher m = pattern.matcher(text);
		Found last = null;
		while (m.find()) {
			int group = (m.groupCount() >= 1 && m.start(1) >= 0) ? 1 : 0;
			Found found = Found.trimmed(method, text, m.start(group), m.end(group));
			if (found != null) {
				last = found;
			}
		}
		return last;
	}

	/**
	 * The pattern of {@code "field": value}: group 1 is the inside of a string value,
	 * group 2 a bare literal.
	 */
	static Pattern jsonPattern(String field) {
		return Pattern
			.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,}\\]]+))");
	}

	/**
	 * The last {@code "field": value} (see {@link #jsonPattern}).
	 */
	static Found jsonField(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		Found last = null;
		while (m.find()) {
			int group = (m.start(1) >= 0) ? 1 : 2;
			Found found = Found.trimmed(ExtractionMethod.JSON_FIELD, text, m.start(group), m.end(group));
			if (found != null) {
				last = found;
			}
		}
		return last;
	}

	/**
	 * The MMLU-Pro ladder over the given letters: "answer is (X)", then "answer: X", then
	 * the last standalone letter. Upper-case letters stand alone; lower-case ones only in
	 * parentheses, so the article "a" is never an option. Group 1 or 2 is the letter.
	 */
	static List<Pattern> choiceLadder(String letters) {
		String upper = "[" + letters + "]";
		String lower = "[" + letters.toLowerCase(Locale.ROOT) + "]";
		String letter = "(?:\\((" + upper + "|" + lower + ")\\)|(" + upper + ")(?![\\w]))";
		return List.of(Pattern.compile("(?i:answer is)\\s*(?:\\*\\*)?" + letter),
				Pattern.compile("(?i:answer)\\s*:\\s*(?:\\*\\*)?" + letter), Pattern.compile("(?<![\\w])" + letter));
	}

	/**
	 * The first ladder level that matches, at its last match (see {@link #choiceLadder}).
	 */
	static Found choice(List<Pattern> ladder, String text) {
		for (Pattern pattern : ladder) {
			Matcher m = pattern.matcher(text);
			int start = -1;
			while (m.find()) {
				start = (m.start(1) >= 0) ? m.start(1) : m.start(2);
			}
			if (start >= 0) {
				return new Found(ExtractionMethod.CHOICE, start, start + 1);
			}
		}
		return null;
	}

	/** The last number (see {@link #NUMBER}). */
	static Found lastNumber(String text) {
		Matcher m = NUMBER.matcher(text);
		Found last = null;
		while (m.find()) {
			last = new Found(ExtractionMethod.LAST_NUMBER, m.start(), m.end());
		}
		return last;
	}

}
