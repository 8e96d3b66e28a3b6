// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Statistics for the accuracy benchmark.
 */
public final class Stats {

	/** The two-sided 95% normal quantile. */
	public static final double Z95 = 1.959963984540054;

	private Stats() {
	}

	/**
	 * The Wilson score interval for {@code successes} out of {@code n}:
	 * {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}.
	 * @param successes correct answers
	 * @param n questions, at least 1
	 * @param z the normal quantile ({@link #Z95} for 95%)
	 * @return the interval
	 */
	public static Interval wilson(int successes, int n, double z) {
		if (n < 1 || successes < 0 || successes > n) {
			throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + "/" + n);
		}
		double p = (double) successes / n;
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = p + z2 / (2.0 * n);
		double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		double lower = (successes == 0) ? 0 : Math.max(0, (centre - half) / denominator);
		double upper = (successes == n) ? 1 : Math.min(1, (centre + half) / denominator);
		return new Interval(lower, upper);
	}

	/**
	 * The 95% Wilson interval.
	 * @param successes correct answers
	 * @param n questions
	 * @return the interval
	 */
	public static Interval wilson95(int successes, int n) {
		return wilson(successes, n, Z95);
	}

	/**
	 * The exact (binomial) two-sided McNemar p-value from the discordant pairs of a
	 * paired comparison: {@code min(1, 2·P(X <= min(b, c)))} with
	 * {@code X ~ Binomial(b + c, 1/2)}.
	 * @param b questions only method A answered correctly
	 * @param c questions only method B answered correctly
	 * @return the p-value; 1 when there are no discordant pairs
	 */
	public static double mcnemarExact(int b, int c) {
		if (b < 0 || c < 0) {
			throw new IllegalArgumentException("counts must be >= 0");
		}
		int n = b + c;
		int k = Math.min(b, c);
		BigInteger tail = BigInteger.ZERO;
		BigInteger binomial = BigInteger.ONE;
		for (int j = 0; j <= k; j++) {
			tail = tail.add(binomial);
			binomial = binomial.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
		}
		BigDecimal p = new BigDecimal(tail.shiftLeft(1)).divide(new BigDecimal(BigInteger.TWO.pow(n)),
				MathContext.DECIMAL64);
		return Math.min(1.0, p.doubleValue());
	}

}
