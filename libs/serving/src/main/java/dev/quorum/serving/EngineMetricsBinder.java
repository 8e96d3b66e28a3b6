// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import java.util.function.ToDoubleFunction;

import dev.quorum.engine.EngineMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes each engine's scheduler and KV-cache state, tagged {@code model}. The names
 * follow vLLM's (what Gateway API Inference Extension scrapers and Grafana dashboards
 * look for), under Quorum's prefix: {@code quorum.engine.num_requests_running} is scraped
 * as {@code quorum_engine_num_requests_running}, the counterpart of
 * {@code vllm:num_requests_running}.
 */
final class EngineMetricsBinder implements MeterBinder {

	private final ModelRegistry models;

	EngineMetricsBinder(ModelRegistry models) {
		this.models = models;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ServedModel served : this.models.all()) {
			gauge(registry, served, "quorum.engine.num_requests_running", "Sequences in the running batch",
					EngineMetrics::runningSequences);
			gauge(registry, served, "quorum.engine.num_requests_waiting", "Sequences waiting for admission",
					EngineMetrics::waitingSequences);
			gauge(registry, served, "quorum.engine.kv_cache_usage_perc", "Fraction of KV-cache blocks in use (0-1)",
					(m) -> (m.totalBlocks() == 0) ? 0 : (double) m.usedBlocks() / m.totalBlocks());
			gauge(registry, served, "quorum.engine.kv_cache_blocks", "KV-cache blocks in the pool",
					EngineMetrics::totalBlocks);
			counter(registry, served, "quorum.engine.prompt_tokens", "Prompt tokens processed",
					EngineMetrics::promptTokens);
			counter(registry, served, "quorum.engine.generation_tokens", "Tokens generated",
					EngineMetrics::generatedTokens);
			counter(registry, served, "quorum.engine.num_preemptions", "Sequences preempted for lack of KV blocks",
					EngineMetrics::preemptions);
			counter(registry, served, "quorum.engine.steps", "Forward steps run", EngineMetrics::steps);
		}
	}

	private static void gauge(MeterRegistry registry, ServedModel served, String name, String description,
			ToDoubleFunction<EngineMetrics> value) {
		Gauge.builder(name, served, (s) -> value.applyAsDouble(s.engine().metrics()))
			.description(description)
			.tag("model", served.id())
			.register(registry);
	}

	private static void counter(MeterRegistry registry, ServedModel served, String name, String description,
			ToDoubleFunction<EngineMetrics> value) {
		FunctionCounter.builder(name, served, (s) -> value.applyAsDouble(s.engine().metrics()))
			.description(description)
			.tag("model", served.id())
			.register(registry);
	}

}
