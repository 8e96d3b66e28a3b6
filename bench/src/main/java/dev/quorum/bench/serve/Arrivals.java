// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.SplittableRandom;

/**
 * When requests are sent, open-loop as in vLLM's serving benchmark: a Poisson process at
 * a request rate (exponential gaps with mean {@code 1/rate}), or everything at once when
 * the rate is infinite (then a concurrency cap paces the run).
 */
public final class Arrivals {

	private Arrivals() {
	}

	/**
	 * Send times.
	 * @param n number of requests
	 * @param rate requests per second; {@link Double#POSITIVE_INFINITY} for all at once
	 * @param random the generator (seeded, so a run can be repeated)
	 * @return offsets from the start in seconds, non-decreasing, the first one 0
	 */
	public static double[] poisson(int n, double rate, SplittableRandom random) {
		if (!(rate > 0)) {
			throw new IllegalArgumentException("the request rate must be positive, got " + rate);
		}
		double[] t = new double[n];
		if (Double.isInfinite(rate)) {
			return t;
		}
		for (int i = 1; i < n; i++) {
			t[i] = t[i - 1] - Math.log(1 - random.nextDouble()) / rate;
		}
		return t;
	}

}
