// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SummaryTests {

	@Test
	void percentilesInterpolateLinearlyBetweenRanksAsNumpyDoes() {
		// numpy.percentile([1, 2, 3, 4, 10], [50, 90, 99]) == [3.0, 7.6, 9.76]
		Summary s = Summary.of(new double[] { 10, 2, 4, 1, 3 });
		assertThat(s.median()).isEqualTo(3.0);
		assertThat(s.percentile(90)).isCloseTo(7.6, within(1e-12));
		assertThat(s.percentile(99)).isCloseTo(9.76, within(1e-12));
		assertThat(s.percentile(0)).isEqualTo(1);
		assertThat(s.percentile(100)).isEqualTo(10);
	}

	@Test
	void evenCountMedianIsTheMeanOfTheMiddleTwo() {
		assertThat(Summary.of(new double[] { 4, 1, 3, 2 }).median()).isEqualTo(2.5);
	}

	@Test
	void meanAndPopulationStandardDeviation() {
		Summary s = Summary.of(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });
		assertThat(s.mean()).isEqualTo(5.0);
		assertThat(s.std()).isEqualTo(2.0);
		assertThat(s.min()).isEqualTo(2);
		assertThat(s.max()).isEqualTo(9);
	}

	@Test
	void emptySampleGivesNaNNotAnException() {
		Summary s = Summary.of(new double[0]);
		assertThat(s.count()).isZero();
		assertThat(s.median()).isNaN();
		assertThat(s.mean()).isNaN();
	}

	@Test
	void singleValueIsEveryPercentile() {
		Summary s = Summary.of(new double[] { 7 });
		assertThat(s.percentile(1)).isEqualTo(7);
		assertThat(s.percentile(99)).isEqualTo(7);
	}

	@Test
	void rejectsNaNAndPercentilesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Summary.of(new double[] { 1, Double.NaN }));
		assertThatIllegalArgumentException().isThrownBy(() -> Summary.of(new double[] { 1 }).percentile(101));
	}

	@Test
	void doesNotReorderTheCallersArray() {
		double[] values = { 3, 1, 2 };
		Summary.of(values);
		assertThat(values).containsExactly(3, 1, 2);
	}

}
