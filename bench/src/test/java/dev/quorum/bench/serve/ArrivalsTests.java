// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ArrivalsTests {

	@Test
	void poissonGapsAreExponentialWithMeanOneOverRate() {
		double[] t = Arrivals.poisson(20_001, 4.0, new SplittableRandom(5));
		assertThat(t[0]).isZero();
		double sum = 0;
		double sq = 0;
		for (int i = 1; i < t.length; i++) {
			double gap = t[i] - t[i - 1];
			assertThat(gap).isGreaterThanOrEqualTo(0);
			sum += gap;
			sq += gap * gap;
		}
		int n = t.length - 1;
		double mean = sum / n;
		double std = Math.sqrt(sq / n - mean * mean);
		// an exponential distribution's standard deviation equals its mean
		assertThat(mean).isCloseTo(0.25, within(0.01));
		assertThat(std).isCloseTo(0.25, within(0.015));
	}

	@Test
	void infiniteRateSendsEverythingAtOnce() {
		assertThat(Arrivals.poisson(5, Double.POSITIVE_INFINITY, new SplittableRandom(1))).containsOnly(0.0);
	}

	@Test
	void sameSeedSameSchedule() {
		assertThat(Arrivals.poisson(100, 2, new SplittableRandom(7)))
			.containsExactly(Arrivals.poisson(100, 2, new SplittableRandom(7)));
	}

	@Test
	void rejectsRatesThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Arrivals.poisson(3, 0, new SplittableRandom(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Arrivals.poisson(3, Double.NaN, new SplittableRandom(1)));
	}

}
