// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes LaTeX wrappers and spacing from an answer, keeping its content: {@code $...$},
 * {@code \(...\)}, {@code \text{}}, {@code \textbf{}}, {@code \mathrm{}},
 * {@code \boxed{}} and friends, {@code \left}/{@code \right}, thin spaces, degree signs;
 * {@code \frac{a}{b}}, {@code \dfrac}, {@code \tfrac} and {@code \frac12} become
 * {@code a/b}; {@code \%} and {@code \$} become {@code %} and {@code $}.
 */
final class LatexCleaner {

	private static final Pattern WRAPPER = Pattern.compile(
			"\\\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|mbox|boxed|fbox|operatorname|displaystyle)\\s*\\{");

	private static final Pattern FRAC = Pattern.compile("\\\\[dt]?frac\\s*");

	private static final Pattern DROPPED = Pattern.compile(
			"\\\\left|\\\\right|\\\\displaystyle|\\\\[!,;:]|\\^\\s*\\{?\\\\circ\\}?|\\\\circ|°|\\\\\\(|\\\\\\)|\\\\\\[|\\\\\\]");

	private LatexCleaner() {
	}

	static String clean(String text) {
		String s = unwrap(text);
		s = fractions(s);
		s = DROPPED.matcher(s).replaceAll("");
		s = s.replace("\\%", "%").replace("\\$", "$").replace("\\ ", " ").replace("~", " ");
		return s;
	}

	/** Replaces every {@code \wrapper{content}} by {@code content}, innermost last. */
	private static String unwrap(String text) {
		String s = text;
		Matcher m = WRAPPER.matcher(s);
		while (m.find()) {
			int close = closingBrace(s, m.end() - 1);
			if (close < 0) {
				break;
			}
			s = s.substring(0, m.start()) + s.substring(m.end(), close) + s.substring(close + 1);
			m = WRAPPER.matcher(s);
		}
		return s;
	}

	/**
	 * Rewrites {@code \frac{a}{b}} and {@code \frac12} as {@code a/b} (or
	 * {@code (a)/(b)}).
	 */
	private static String fractions(String text) {
		String s = text;
		Matcher m = FRAC.matcher(s);
		while (m.find()) {
			int[] num = argument(s, m.end());
			int[] den = (num != null) ? argument(s, num[1]) : null;
			if (den == null) {
				break;
			}
			String a = s.substring(num[0], num[2]).strip();
			String b = s.substring(den[0], den[2]).strip();
			String fraction = simple(a) && simple(b) ? a + "/" + b : "(" + a + ")/(" + b + ")";
			s = s.substring(0, m.start()) + fraction + s.substring(den[1]);
			m = FRAC.matcher(s);
		}
		return s;
	}

	private static boolean simple(String s) {
		return s.matches("-?[0-9.]+");
	}

	/**
	 * One LaTeX argument at {@code from}: a braced group or a single character.
	 * @return {@code {contentStart, argumentEnd, contentEnd}} or {@code null}
	 */
	private static int[] argument(String s, int from) {
		int i = from;
		while (i < s.length() && s.charAt(i) == ' ') {
			i++;
		}
		if (i >= s.length()) {
			return null;
		}
		if (s.charAt(i) == '{') {
			int close = closingBrace(s, i);
			return (close < 0) ? null : new int[] { i + 1, close + 1, close };
		}
		return new int[] { i, i + 1, i + 1 };
	}

	private static int closingBrace(String s, int open) {
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

}
