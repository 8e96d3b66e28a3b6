// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.generate;

import java.util.concurrent.atomic.AtomicReference;

import dev.quorum.decode.kv.PromptKv;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.serving.ServedModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The path every generation takes: find the prompt's KV (local, Redis or
 * prefill-service), submit to the engine with the imported prefix, and record latencies.
 */
public final class Pipeline {

	private final PromptKv promptKv;

	private final Generator generator;

	private final RequestMetrics metrics;

	/**
	 * Creates the pipeline.
	 * @param promptKv where prompt KV comes from
	 * @param generator the engine bridge
	 * @param metrics latency metrics
	 */
	public Pipeline(PromptKv promptKv, Generator generator, RequestMetrics metrics) {
		this.promptKv = promptKv;
		this.generator = generator;
		this.metrics = metrics;
	}

	/**
	 * Generates.
	 * @param model the served model
	 * @param prompt the prompt's token ids
	 * @param sampling how to sample
	 * @param n choices (sharing one prefill)
	 * @param branching CoT-decoding first-token branching instead of {@code n} choices,
	 * or null
	 * @param requestId the request id
	 * @param startNanos when the request arrived
	 * @return the run: its events, and its timing once complete
	 */
	public Mono<Run> generate(ServedModel model, int[] prompt, SamplingParams sampling, int n,
			GenerationRequest.Branching branching, String requestId, long startNanos) {
		return this.promptKv.resolve(model, prompt, requestId).map((prefix) -> {
			GenerationRequest request = new GenerationRequest(prompt, sampling, n, branching, prefix.imported());
			AtomicReference<GenerationEvent.Completed> completed = new AtomicReference<>();
			Flux<GenerationEvent> events = this.metrics
				.observe(model.id(), requestId, startNanos, prefix.transferNanos(), this.generator.run(model, request))
				.doOnNext((event) -> {
					if (event instanceof GenerationEvent.Completed c) {
						completed.set(c);
						if (c.error() == null) {
							this.promptKv.publish(model, prompt, prefix);
						}
					}
				});
			return new Run(events, prefix.transferNanos(), completed);
		});
	}

	/**
	 * A submitted generation.
	 *
	 * @param events the engine's events (subscribe once)
	 * @param transferNanos time spent on prompt KV before submission
	 * @param completed the final event, once it has passed
	 */
	public record Run(Flux<GenerationEvent> events, long transferNanos,
			AtomicReference<GenerationEvent.Completed> completed) {

		/**
		 * The {@code Server-Timing} value, once the run completed.
		 * @return the header value, or null before completion
		 */
		public String serverTiming() {
			GenerationEvent.Completed c = this.completed.get();
			return (c != null && c.stats() != null) ? RequestMetrics.serverTiming(this.transferNanos, c) : null;
		}

	}

}
