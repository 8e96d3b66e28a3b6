// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of a sample: mean, standard deviation and percentiles by linear
 * interpolation between the closest ranks (numpy's default, which vLLM's serving
 * benchmark reports), so figures compare with theirs.
 *
 * @param count number of values
 * @param mean arithmetic mean (NaN when empty)
 * @param std population standard deviation (NaN when empty)
 * @param sorted the values in ascending order
 */
public record Summary(int count, double mean, double std, double[] sorted) {

	/**
	 * Summarises values.
	 * @param values the sample (any order; NaN is not allowed)
	 * @return the summary
	 */
	public static Summary of(double[] values) {
		double[] s = values.clone();
		Arrays.sort(s);
		if (s.length > 0 && Double.isNaN(s[s.length - 1])) {
			throw new IllegalArgumentException("a sample must not contain NaN");
		}
		double sum = 0;
		for (double v : s) {
			sum += v;
		}
		double mean = (s.length > 0) ? sum / s.length : Double.NaN;
		double sq = 0;
		for (double v : s) {
			sq += (v - mean) * (v - mean);
		}
		double std = (s.length > 0) ? Math.sqrt(sq / s.length) : Double.NaN;
		return new Summary(s.length, mean, std, s);
	}

	/**
	 * Summarises values.
	 * @param values the sample
	 * @return the summary
	 */
	public static Summary of(Collection<? extends Number> values) {
		return of(values.stream().mapToDouble(Number::doubleValue).toArray());
	}

	/**
	 * The p-th percentile: rank {@code (n - 1) * p / 100}, interpolated linearly.
	 * @param p percent, 0 to 100
	 * @return the percentile, NaN for an empty sample
	 */
	public double percentile(double p) {
		if (!(p >= 0 && p <= 100)) {
			throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
		}
		if (this.count == 0) {
			return Double.NaN;
		}
		double rank = (this.count - 1) * p / 100.0;
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, this.count - 1);
		double frac = rank - lo;
		return this.sorted[lo] + (this.sorted[hi] - this.sorted[lo]) * frac;
	}

	/**
	 * The median.
	 * @return the 50th percentile
	 */
	public double median() {
		return percentile(50);
	}

	/**
	 * The smallest value.
	 * @return the minimum, NaN when empty
	 */
	public double min() {
		return (this.count > 0) ? this.sorted[0] : Double.NaN;
	}

	/**
	 * The largest value.
	 * @return the maximum, NaN when empty
	 */
	public double max() {
		return (this.count > 0) ? this.sorted[this.count - 1] : Double.NaN;
	}

}
