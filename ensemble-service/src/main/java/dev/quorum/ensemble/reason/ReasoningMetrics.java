// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.util.concurrent.TimeUnit;

import dev.quorum.openai.ApiException;
import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.strategy.StrategySpec;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-strategy metrics: {@code quorum.ensemble.requests} (count, tags strategy, applied,
 * endpoint, outcome {@code ok}/{@code degraded}/{@code cancelled}/an error code),
 * {@code quorum.ensemble.request.latency} (timer, tags strategy and outcome) and
 * {@code quorum.ensemble.samples.used} / {@code quorum.ensemble.samples.saved}
 * (distributions, tag strategy). Backend calls are counted by the backend layer.
 */
final class ReasoningMetrics {

	private final MeterRegistry meters;

	ReasoningMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void success(StrategySpec spec, String endpoint, ReasoningResult result, long startNanos) {
		String strategy = spec.strategy().wireName();
		String outcome = (result.degraded().isEmpty() && result.degradedFrom() == null) ? "ok" : "degraded";
		summary("quorum.ensemble.samples.used", strategy).record(result.samplesUsed());
		summary("quorum.ensemble.samples.saved", strategy).record(result.samplesSaved());
		count(strategy, result.strategyApplied().wireName(), endpoint, outcome, startNanos);
	}

	void failure(StrategySpec spec, String endpoint, Throwable error, long startNanos) {
		String strategy = spec.strategy().wireName();
		count(strategy, strategy, endpoint, errorCode(error), startNanos);
	}

	void cancelled(StrategySpec spec, String endpoint, long startNanos) {
		String strategy = spec.strategy().wireName();
		count(strategy, strategy, endpoint, "cancelled", startNanos);
	}

	private void count(String strategy, String applied, String endpoint, String outcome, long startNanos) {
		this.meters
			.counter("quorum.ensemble.requests", "strategy", strategy, "applied", applied, "endpoint", endpoint,
					"outcome", outcome)
			.increment();
		this.meters.timer("quorum.ensemble.request.latency", "strategy", strategy, "outcome", outcome)
			.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	private DistributionSummary summary(String name, String strategy) {
		return DistributionSummary.builder(name).tag("strategy", strategy).baseUnit("samples").register(this.meters);
	}

	private static String errorCode(Throwable error) {
		if (error instanceof ReasoningException ex) {
			return ex.kind().name().toLowerCase(java.util.Locale.ROOT);
		}
		if (error instanceof ApiException ex) {
			return Integer.toString(ex.status());
		}
		return "error";
	}

}
