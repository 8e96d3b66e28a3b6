// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

/**
 * The result of extracting an answer from a generated text.
 * <p>
 * {@code start} and {@code end} are UTF-16 character offsets into the <em>original</em>
 * text (before think tags were stripped), half-open: {@code text.substring(start, end)}
 * equals {@code answer}. CoT-decoding maps this span to token positions. An unparsed
 * result has {@code answer == null}, method {@link ExtractionMethod#UNPARSED} and span
 * {@code -1..-1}.
 *
 * @param answer the raw answer text, {@code null} when unparsed
 * @param method the rule that found it
 * @param start first character of the answer in the original text, or -1
 * @param end one past the last character, or -1
 */
public record Extraction(String answer, ExtractionMethod method, int start, int end) {

	private static final Extraction UNPARSED = new Extraction(null, ExtractionMethod.UNPARSED, -1, -1);

	public Extraction {
		if ((answer == null) != (method == ExtractionMethod.UNPARSED)) {
			throw new IllegalArgumentException("answer must be null exactly when the method is UNPARSED");
		}
		if (answer != null && (start < 0 || end - start != answer.length())) {
			throw new IllegalArgumentException("span " + start + ".." + end + " does not fit the answer");
		}
	}

	/**
	 * The unparsed result.
	 * @return the shared unparsed extraction
	 */
	public static Extraction unparsed() {
		return UNPARSED;
	}

	/**
	 * Whether an answer was found.
	 * @return {@code true} unless unparsed
	 */
	public boolean parsed() {
		return this.answer != null;
	}

}
