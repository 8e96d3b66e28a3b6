// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

import java.math.BigDecimal;

/**
 * An answer in canonical form.
 * <p>
 * {@code key} is the display and grouping form: for numbers the plain decimal without
 * trailing zeros ({@code "1234"}, {@code "0.75"}, {@code "-3"}; a percent is shown
 * without its sign, {@code "50%"} gives {@code "50"}), for choices the upper-case letter,
 * for text the lower-case text with punctuation folded to spaces. Use
 * {@link Canonicalizer#equivalent} rather than key equality to compare numbers: it
 * applies the relative tolerance.
 *
 * @param kind the kind
 * @param key the canonical key
 * @param number the value for {@link AnswerKind#NUMBER}, else {@code null}
 * @param percent whether the number was written as a percent ({@code 50%},
 * {@code 50 percent})
 */
public record CanonicalAnswer(AnswerKind kind, String key, BigDecimal number, boolean percent) {

	public CanonicalAnswer {
		if (kind == null || key == null || key.isEmpty()) {
			throw new IllegalArgumentException("kind and key must be present");
		}
		if ((kind == AnswerKind.NUMBER) != (number != null)) {
			throw new IllegalArgumentException("a number is required exactly for NUMBER answers");
		}
	}

	/**
	 * A canonical number.
	 * @param value the value
	 * @param percent whether it was written as a percent
	 * @return the answer
	 */
	public static CanonicalAnswer number(BigDecimal value, boolean percent) {
		BigDecimal stripped = (value.signum() == 0) ? BigDecimal.ZERO : value.stripTrailingZeros();
		return new CanonicalAnswer(AnswerKind.NUMBER, stripped.toPlainString(), stripped, percent);
	}

	/**
	 * A canonical choice letter.
	 * @param letter the letter, any case
	 * @return the answer
	 */
	public static CanonicalAnswer choice(char letter) {
		return new CanonicalAnswer(AnswerKind.CHOICE, String.valueOf(Character.toUpperCase(letter)), null, false);
	}

	/**
	 * A canonical text answer.
	 * @param normalised the already normalised text
	 * @return the answer
	 */
	public static CanonicalAnswer text(String normalised) {
		return new CanonicalAnswer(AnswerKind.TEXT, normalised, null, false);
	}

}
