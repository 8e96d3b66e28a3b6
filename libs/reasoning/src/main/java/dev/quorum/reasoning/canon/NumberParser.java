// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an answer (LaTeX already cleaned) as a number, or says it is not one.
 * <p>
 * Accepted: an optional {@code x =} prefix (the part after the last {@code =} is kept);
 * currency symbols ({@code $ € £ ¥ ₹}) and codes ({@code USD EUR GBP}) anywhere around
 * the number; a sign; thousands groups of exactly three digits separated consistently by
 * {@code ,}, space, {@code _} or {@code '} ({@code 1,234}, {@code 1 234}, {@code 1_234});
 * decimals and exponents; fractions {@code a/b} and {@code (a)/(b)}; a trailing percent
 * ({@code %}, {@code percent}); up to four trailing unit words ({@code 18 dollars},
 * {@code 5 km}). Ambiguous forms are refused: {@code 1,5} and {@code 1.234,5} are not
 * numbers. Fractions are divided with 34 significant digits.
 */
final class NumberParser {

	private static final Pattern CURRENCY = Pattern.compile("[$€£¥₹]|(?i)\\b(?:usd|eur|gbp)\\b");

	private static final Pattern PERCENT = Pattern.compile("(?i)\\s*(?:%|percent|per cent)$");

	private static final Pattern UNITS = Pattern
		.compile("^(.*?[0-9)])\\s*(?:\\p{L}[\\p{L}'.]*(?:\\s+\\p{L}[\\p{L}'.]*){0,3})$");

	private static final String PLAIN = "(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([, _'])\\d{3}(?:\\1\\d{3})*(?:\\.\\d+)?");

	private static final Pattern SIGNED = Pattern.compile("([+-]?)\\s*(.+)");

	private static final Pattern FRACTION = Pattern
		.compile("\\(?\\s*(-?" + PLAIN + ")\\s*\\)?\\s*/\\s*\\(?\\s*(-?" + PLAIN + ")\\s*\\)?");

	private NumberParser() {
	}

	/**
	 * A parsed number.
	 *
	 * @param value the value
	 * @param percent whether a percent sign or word was present
	 */
	record Parsed(BigDecimal value, boolean percent) {
	}

	static Parsed parse(String answer) {
		String s = answer.strip();
		int eq = s.lastIndexOf('=');
		if (eq >= 0 && eq < s.length() - 1) {
			s = s.substring(eq + 1);
		}
		s = CURRENCY.matcher(s).replaceAll("").strip();
		s = stripTrailing(s);
		boolean percent = false;
		Matcher pm = PERCENT.matcher(s);
		if (pm.find()) {
			percent = true;
			s = s.substring(0, pm.start()).strip();
		}
		BigDecimal value = signed(s);
		if (value == null) {
			Matcher units = UNITS.matcher(s);
			if (units.matches()) {
				value = signed(units.group(1).strip());
			}
		}
		return (value != null) ? new Parsed(value, percent) : null;
	}

	private static BigDecimal signed(String s) {
		Matcher m = SIGNED.matcher(s);
		if (!m.matches()) {
			return null;
		}
		BigDecimal magnitude = unsigned(m.group(2).strip());
		if (magnitude == null) {
			return null;
		}
		return "-".equals(m.group(1)) ? magnitude.negate() : magnitude;
	}

	private static BigDecimal unsigned(String s) {
		if (s.matches(PLAIN)) {
			return new BigDecimal(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
		}
		Matcher grouped = GROUPED.matcher(s);
		if (grouped.matches()) {
			return new BigDecimal(s.replace(grouped.group(1), ""));
		}
		Matcher fraction = FRACTION.matcher(s);
		if (fraction.matches() && balanced(s)) {
			BigDecimal denominator = new BigDecimal(fraction.group(2));
			if (denominator.signum() == 0) {
				return null;
			}
			return new BigDecimal(fraction.group(1)).divide(denominator, MathContext.DECIMAL128);
		}
		return null;
	}

	private static boolean balanced(String s) {
		return s.chars().filter((c) -> c == '(').count() == s.chars().filter((c) -> c == ')').count();
	}

	private static String stripTrailing(String s) {
		int end = s.length();
		while (end > 0 && ".,;:!? ".indexOf(s.charAt(end - 1)) >= 0) {
			end--;
		}
		return s.substring(0, end);
	}

}
