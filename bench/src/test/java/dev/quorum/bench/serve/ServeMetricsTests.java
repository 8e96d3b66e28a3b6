// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServeMetricsTests {

	private static Outcome streamed(double ttft, double e2e, int prompt, int completion, int cached, double... itl) {
		return new Outcome(true, 200, null, 0, ttft, e2e, itl, prompt, completion, cached, Map.of());
	}

	@Test
	void tpotIsTheTimeAfterTheFirstTokenPerFurtherToken() {
		assertThat(streamed(100, 400, 10, 4, 0).tpotMs()).isEqualTo(100);
		assertThat(streamed(100, 100, 10, 1, 0).tpotMs()).isNaN();
		assertThat(new Outcome(true, 200, null, 0, Double.NaN, 50, new double[0], 1, 5, 0, Map.of()).tpotMs()).isNaN();
	}

	@Test
	void throughputCountsSuccessfulRequestsAndTheirTokensOverTheDuration() {
		List<Outcome> run = List.of(streamed(100, 400, 10, 4, 0, 100, 100, 100),
				streamed(200, 1200, 30, 11, 16, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
				Outcome.failed(429, "rate limited", 0, 5));
		ServeMetrics m = ServeMetrics.of(run, 2.0, Slo.NONE);
		assertThat(m.completed()).isEqualTo(2);
		assertThat(m.failed()).isEqualTo(1);
		assertThat(m.inputTokens()).isEqualTo(40);
		assertThat(m.outputTokens()).isEqualTo(15);
		assertThat(m.cachedTokens()).isEqualTo(16);
		assertThat(m.requestThroughput()).isEqualTo(1.0);
		assertThat(m.outputThroughput()).isEqualTo(7.5);
		assertThat(m.totalTokenThroughput()).isEqualTo(27.5);
		assertThat(m.errors()).containsEntry("HTTP 429: rate limited", 1);
	}

	@Test
	void latenciesCoverSuccessfulRequestsAndItlPoolsEveryGap() {
		List<Outcome> run = List.of(streamed(100, 400, 10, 4, 0, 100, 100, 100), streamed(300, 500, 10, 3, 0, 50, 150),
				Outcome.failed(0, "connection refused", 0, 1));
		ServeMetrics m = ServeMetrics.of(run, 1.0, Slo.NONE);
		assertThat(m.ttftMs().count()).isEqualTo(2);
		assertThat(m.ttftMs().mean()).isEqualTo(200);
		assertThat(m.itlMs().count()).isEqualTo(5);
		assertThat(m.itlMs().median()).isEqualTo(100);
		assertThat(m.itlMs().max()).isEqualTo(150);
		assertThat(m.e2eMs().median()).isEqualTo(450);
		assertThat(m.tpotMs().mean()).isEqualTo(100);
	}

	@Test
	void goodputCountsOnlyRequestsMeetingEveryObjective() {
		List<Outcome> run = List.of(streamed(100, 400, 10, 4, 0), // ttft ok, tpot 100 ok
				streamed(600, 900, 10, 4, 0), // ttft misses
				streamed(100, 1000, 10, 4, 0), // tpot 300 misses
				streamed(100, 100, 10, 1, 0), // no tpot: cannot miss it
				Outcome.failed(503, "unavailable", 0, 1));
		Slo slo = new Slo(500, 150, Double.NaN);
		ServeMetrics m = ServeMetrics.of(run, 4.0, slo);
		assertThat(m.goodput()).isEqualTo(0.5);
		assertThat(m.sloAttainment()).isCloseTo(0.4, within(1e-12));
		assertThat(slo.any()).isTrue();
		assertThat(Slo.NONE.any()).isFalse();
		assertThat(slo.describe()).isEqualTo("TTFT <= 500.0 ms, TPOT <= 150.0 ms");
		assertThat(Slo.NONE.describe()).isEqualTo("none");
		assertThat(ServeMetrics.of(run, 4.0, Slo.NONE).goodput()).isEqualTo(1.0);
	}

	@Test
	void anEmptyRunHasNoRatesButDoesNotFail() {
		ServeMetrics m = ServeMetrics.of(List.of(), 0, Slo.NONE);
		assertThat(m.completed()).isZero();
		assertThat(m.requestThroughput()).isNaN();
		assertThat(m.ttftMs().median()).isNaN();
	}

}
