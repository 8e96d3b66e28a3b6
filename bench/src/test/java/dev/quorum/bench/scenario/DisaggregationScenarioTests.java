// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.util.List;
import java.util.Map;

import dev.quorum.bench.serve.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisaggregationScenarioTests {

	@Test
	void keepsTheGapsThatEndedInsideTheWindow() {
		// chunks at 100, 110, 130, 160, 200 ms (sent at 50, first token after 50)
		Outcome a = new Outcome(true, 200, null, 50, 50, 150, new double[] { 10, 20, 30, 40 }, 5, 5, 0, Map.of());
		// chunks at 1000, 1500
		Outcome b = new Outcome(true, 200, null, 900, 100, 600, new double[] { 500 }, 5, 2, 0, Map.of());
		Outcome failed = Outcome.failed(0, "reset", 120, 1);
		assertThat(DisaggregationScenario.gapsWithin(List.of(a, b, failed), 120, 1000)).containsExactly(20, 30, 40);
		assertThat(DisaggregationScenario.gapsWithin(List.of(a, b, failed), 0, 2000)).containsExactly(10, 20, 30, 40,
				500);
	}

}
