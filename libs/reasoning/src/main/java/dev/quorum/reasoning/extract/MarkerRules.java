// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that find the answer after a marker: {@code \boxed{}}, "final answer is", "The
 * answer is" / "Answer:" and {@code ####}. Each takes the <em>last</em> occurrence.
 */
final class MarkerRules {

	private static final Pattern BOXED = Pattern.compile("\\\\(?:boxed|fbox)");

	private static final Pattern FINAL_ANSWER = Pattern.compile("(?i)final answer is");

	private static final Pattern HOPE = Pattern.compile("(?i)\\.?\\s*I hope it is correct");

	private static final Pattern ANSWER_IS = Pattern.compile("(?i)(?<![\\w])answer is(?![\\w])");

	private static final Pattern ANSWER_COLON = Pattern.compile("(?i)(?<![\\w])answer\\s*:");

	private static final Pattern HASHES = Pattern.compile("####");

	/**
	 * A sentence ends at a newline, or at {@code .!?} followed by whitespace or the end.
	 */
	private static final Pattern SENTENCE_END = Pattern.compile("\\R|[.!?](?=\\s|$)");

	private MarkerRules() {
	}

	/**
	 * The content of the last {@code \boxed{...}} (nested braces balanced) or of a
	 * brace-less {@code \boxed 5} (up to whitespace or {@code $}).
	 */
	static Found boxed(String text) {
		Matcher m = BOXED.matcher(text);
		int last = -1;
		while (m.find()) {
			last = m.end();
		}
		if (last < 0) {
			return null;
		}
		int i = last;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		if (i < text.length() && text.charAt(i) == '{') {
			int depth = 0;
			for (int j = i; j < text.length(); j++) {
				char c = text.charAt(j);
				if (c == '{') {
					depth++;
				}
				else if (c == '}' && --depth == 0) {
					return Found.trimmed(ExtractionMethod.BOXED, text, i + 1, j);
				}
			}
			return null;
		}
		if (i == last) {
			return null;
		}
		int end = i;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '$') {
			end++;
		}
		return Found.trimmed(ExtractionMethod.BOXED, text, i, end);
	}

	/**
	 * Minerva: "final answer is X. I hope it is correct." or "final answer is X" to the
	 * line end.
	 */
	static Found finalAnswer(String text) {
		int from = lastEnd(FINAL_ANSWER, text);
		if (from < 0) {
			return null;
		}
		int end = lineEnd(text, from);
		Matcher hope = HOPE.matcher(text).region(from, end);
		if (hope.find()) {
			end = hope.start();
		}
		return Found.trimmed(ExtractionMethod.FINAL_ANSWER, text, from, end);
	}

	/**
	 * The later of "answer is X" (to the sentence end) and "Answer: X" (to the line end).
	 */
	static Found answerPhrase(String text) {
		int is = lastEnd(ANSWER_IS, text);
		int colon = lastEnd(ANSWER_COLON, text);
		if (is < 0 && colon < 0) {
			return null;
		}
		if (is > colon) {
			Matcher end = SENTENCE_END.matcher(text);
			int stop = end.find(skipSpaces(text, is)) ? end.start() : text.length();
			return Found.trimmed(ExtractionMethod.ANSWER_IS, text, is, stop);
		}
		return Found.trimmed(ExtractionMethod.ANSWER_COLON, text, colon, lineEnd(text, colon));
	}

	/** GSM8K: the rest of the line after the last {@code ####}. */
	static Found hashes(String text) {
		int from = lastEnd(HASHES, text);
		return (from < 0) ? null : Found.trimmed(ExtractionMethod.HASHES, text, from, lineEnd(text, from));
	}

	private static int lastEnd(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		int last = -1;
		while (m.find()) {
			last = m.end();
		}
		return last;
	}

	private static int lineEnd(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return text.length();
	}

	private static int skipSpaces(String text, int from) {
		while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
			from++;
		}
		return from;
	}

}
