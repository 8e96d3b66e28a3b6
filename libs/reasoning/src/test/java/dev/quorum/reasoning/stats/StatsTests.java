// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class StatsTests {

	@Test
	void wilsonKnownValues() {
		Interval half = Stats.wilson95(50, 100);
		assertThat(half.lower()).isCloseTo(0.4038, within(1e-4));
		assertThat(half.upper()).isCloseTo(0.5962, within(1e-4));
		Interval none = Stats.wilson95(0, 10);
		assertThat(none.lower()).isZero();
		// z^2 / (n + z^2) = 3.8415 / 13.8415
		assertThat(none.upper()).isCloseTo(0.27753, within(1e-5));
		Interval all = Stats.wilson95(10, 10);
		assertThat(all.upper()).isEqualTo(1.0);
		assertThat(all.lower()).isCloseTo(1 - 0.27753, within(1e-5));
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.wilson95(3, 2));
	}

	@Test
	void exactMcNemarMatchesTheProbeTable() {
		// 14 / 0 discordant pairs: 2 * 2^-14
		assertThat(Stats.mcnemarExact(14, 0)).isEqualTo(2.0 / 16384);
		// the probe reports these rounded: p = 0.014, 0.45 and 0.21
		assertThat(Stats.mcnemarExact(27, 11)).isCloseTo(0.013852965261, within(1e-11));
		// 2 * (1 + 7 + 21) / 128
		assertThat(Stats.mcnemarExact(2, 5)).isEqualTo(0.453125);
		assertThat(Stats.mcnemarExact(32, 44)).isCloseTo(0.206736841808, within(1e-11));
		assertThat(Stats.mcnemarExact(0, 0)).isEqualTo(1.0);
		assertThat(Stats.mcnemarExact(5, 5)).isEqualTo(1.0);
		// symmetric in its arguments
		assertThat(Stats.mcnemarExact(3, 9)).isEqualTo(Stats.mcnemarExact(9, 3));
	}

}
