// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

/**
 * An answer span found in the visible text, before mapping back to the original.
 *
 * @param method the rule that found it
 * @param start visible start offset
 * @param end visible end offset (exclusive)
 */
record Found(ExtractionMethod method, int start, int end) {

	private static final String LEADING_NOISE = " \t\r\n*:";

	private static final String TRAILING_NOISE = " \t\r\n*.,;:!?";

	/**
	 * A span with surrounding whitespace, markdown bold, a leading colon and trailing
	 * sentence punctuation removed; {@code null} when nothing is left.
	 * @param method the rule
	 * @param text the visible text
	 * @param start raw start
	 * @param end raw end
	 * @return the trimmed span or {@code null}
	 */
	static Found trimmed(ExtractionMethod method, String text, int start, int end) {
		while (start < end && LEADING_NOISE.indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && TRAILING_NOISE.indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return (start < end) ? new Found(method, start, end) : null;
	}

}
