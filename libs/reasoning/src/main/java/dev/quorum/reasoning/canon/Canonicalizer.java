// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw extracted answers into {@link CanonicalAnswer}s and decides equivalence.
 * <p>
 * Order: Unicode NFKC (and {@code −} to {@code -}, no-break and thin spaces to spaces),
 * LaTeX wrappers removed ({@link LatexCleaner}), then the first kind that fits: a
 * multiple-choice letter ({@code B}, {@code (b)}, {@code B.}, {@code option B}), a number
 * ({@link NumberParser}: thousands separators, fractions, percents, currency and unit
 * words), else text (lower case, punctuation folded to single spaces, no spaces around
 * symbols such as {@code +}).
 * <p>
 * Equivalence: same kind; for numbers, two integers must be identical, otherwise
 * {@code |a - b| <= tolerance * max(|a|, |b|)}; a percent also matches its fraction
 * ({@code 50%} equals {@code 50} and {@code 0.5}). Integers compare exactly so that large
 * counts ({@code 1000000} and {@code 1000001}) never merge. Immutable and thread-safe.
 */
public final class Canonicalizer {

	/** The default relative tolerance for non-integer numbers. */
	public static final double DEFAULT_TOLERANCE = 1e-6;

	private static final Canonicalizer STANDARD = new Canonicalizer(DEFAULT_TOLERANCE);

	private static final Pattern CHOICE = Pattern.compile("(?i:(?:option|choice)\\s*)?\\(?([A-Za-z])\\)?[.):]?");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\s]+");

	private static final Pattern AROUND_SYMBOL = Pattern.compile("\\s*(\\p{S})\\s*");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final BigDecimal tolerance;

	/**
	 * A canonicalizer with the given relative tolerance.
	 * @param relativeTolerance for non-integer numbers, between 0 and 0.5
	 */
	public Canonicalizer(double relativeTolerance) {
		if (!(relativeTolerance >= 0 && relativeTolerance < 0.5)) {
			throw new IllegalArgumentException("relative tolerance must be in [0, 0.5), got " + relativeTolerance);
		}
		this.tolerance = BigDecimal.valueOf(relativeTolerance);
	}

	/**
	 * The shared canonicalizer with {@link #DEFAULT_TOLERANCE}.
	 * @return the standard canonicalizer
	 */
	public static Canonicalizer standard() {
		return STANDARD;
	}

	/**
	 * The canonical form of a raw answer.
	 * @param raw the extracted answer text
	 * @return the canonical answer, or {@code null} when nothing is left (blank or only
	 * punctuation), which callers treat as unparsed
	 */
	public CanonicalAnswer canonicalize(String raw) {
		if (raw == null) {
			return null;
		}
		String s = LatexCleaner.clean(unicode(raw)).strip();
		s = s.replace("$", "").strip();
		Matcher choice = CHOICE.matcher(s);
		if (choice.matches()) {
			return CanonicalAnswer.choice(choice.group(1).charAt(0));
		}
		NumberParser.Parsed number = NumberParser.parse(s);
		if (number != null) {
			return CanonicalAnswer.number(number.value(), number.percent());
		}
		String text = PUNCTUATION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		text = AROUND_SYMBOL.matcher(text).replaceAll("$1");
		return text.isEmpty() ? null : CanonicalAnswer.text(text);
	}

	/**
	 * Whether two raw answers are equivalent (both must canonicalise).
	 * @param a a raw answer
	 * @param b another raw answer
	 * @return {@code true} when both have a canonical form and those are equivalent
	 */
	public boolean equivalent(String a, String b) {
		CanonicalAnswer ca = canonicalize(a);
		CanonicalAnswer cb = canonicalize(b);
		return ca != null && cb != null && equivalent(ca, cb);
	}

	/**
	 * Whether two canonical answers are equivalent (see the class notes).
	 * @param a a canonical answer
	 * @param b another canonical answer
	 * @return whether they are equivalent
	 */
	public boolean equivalent(CanonicalAnswer a, CanonicalAnswer b) {
		if (a.kind() != b.kind()) {
			return false;
		}
		if (a.kind() != AnswerKind.NUMBER) {
			return a.key().equals(b.key());
		}
		if (close(a.number(), b.number())) {
			return true;
		}
		if (a.percent() != b.percent()) {
			BigDecimal fraction = (a.percent() ? a.number() : b.number()).divide(HUNDRED);
			return close(fraction, a.percent() ? b.number() : a.number());
		}
		return false;
	}

	private boolean close(BigDecimal a, BigDecimal b) {
		if (integer(a) && integer(b)) {
			return a.compareTo(b) == 0;
		}
		BigDecimal scale = a.abs().max(b.abs());
		return a.subtract(b).abs().compareTo(scale.multiply(this.tolerance)) <= 0;
	}

	private static boolean integer(BigDecimal value) {
		return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
	}

	private static String unicode(String raw) {
		return Normalizer.normalize(raw, Normalizer.Form.NFKC)
			.replace('\u2212', '-')
			.replace('\u00a0', ' ')
			.replace('\u2009', ' ')
			.replace('\u202f', ' ');
	}

}
