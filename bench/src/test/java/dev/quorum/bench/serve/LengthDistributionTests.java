// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.quorum.bench.cli.Args;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LengthDistributionTests {

	@Test
	void fixedAlwaysGivesTheSameLength() {
		LengthDistribution d = LengthDistribution.parse("900");
		SplittableRandom r = new SplittableRandom(1);
		assertThat(IntStream.range(0, 100).map((i) -> d.sample(r)).distinct().toArray()).containsExactly(900);
		assertThat(d.max()).isEqualTo(900);
	}

	@Test
	void uniformCoversBothEndsAndNothingOutside() {
		LengthDistribution d = LengthDistribution.parse("uniform:10:13");
		SplittableRandom r = new SplittableRandom(2);
		int[] draws = IntStream.range(0, 2000).map((i) -> d.sample(r)).toArray();
		assertThat(IntStream.of(draws).distinct().sorted().toArray()).containsExactly(10, 11, 12, 13);
		assertThat(d.max()).isEqualTo(13);
	}

	@Test
	void normalHasTheGivenMeanAndStaysWithinItsClamp() {
		LengthDistribution d = LengthDistribution.parse("normal:500:50");
		SplittableRandom r = new SplittableRandom(3);
		int[] draws = IntStream.range(0, 20_000).map((i) -> d.sample(r)).toArray();
		double mean = IntStream.of(draws).average().orElseThrow();
		double var = IntStream.of(draws).mapToDouble((v) -> (v - mean) * (v - mean)).average().orElseThrow();
		assertThat(mean).isCloseTo(500, within(2.0));
		assertThat(Math.sqrt(var)).isCloseTo(50, within(2.0));
		assertThat(IntStream.of(draws).min().orElseThrow()).isGreaterThanOrEqualTo(1);
		assertThat(IntStream.of(draws).max().orElseThrow()).isLessThanOrEqualTo(1000);
	}

	@Test
	void sameSeedSameLengths() {
		LengthDistribution d = LengthDistribution.parse("uniform:1:1000");
		SplittableRandom r1 = new SplittableRandom(9);
		SplittableRandom r2 = new SplittableRandom(9);
		for (int i = 0; i < 50; i++) {
			assertThat(d.sample(r1)).isEqualTo(d.sample(r2));
		}
	}

	@Test
	void rejectsMalformedOrEmptyRanges() {
		for (String bad : new String[] { "0", "-5", "uniform:5:4", "uniform:0:3", "normal:0:1", "normal:5:-1",
				"zipf:1:2", "uniform:3", "ten" }) {
			assertThatThrownBy(() -> LengthDistribution.parse(bad)).as(bad).isInstanceOf(Args.UsageException.class);
		}
	}

}
