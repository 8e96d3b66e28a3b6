// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.generate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quorum.engine.GenerationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

/**
 * Per-request latency metrics, named as the serving ecosystem names them (vLLM's
 * {@code time_to_first_token_seconds}, {@code inter_token_latency_seconds},
 * {@code e2e_request_latency_seconds}, {@code request_queue_time_seconds},
 * {@code request_prefill_time_seconds}, {@code request_decode_time_seconds}) under
 * {@code quorum.decode}, tagged {@code model}, with histograms for SLO queries. The
 * timing breakdown of every request is logged at debug on {@code quorum.timing}.
 */
public final class RequestMetrics {

	private static final Log timing = LogFactory.getLog("quorum.timing");

	private final MeterRegistry meters;

	/**
	 * Creates the recorder.
	 * @param meters the registry
	 */
	public RequestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Records the latencies of a request as its events pass.
	 * @param model the model id
	 * @param requestId the request id (for the debug log)
	 * @param startNanos when the request arrived
	 * @param transferNanos time spent finding and moving prompt KV
	 * @param events the engine's events
	 * @return the same events
	 */
	public Flux<GenerationEvent> observe(String model, String requestId, long startNanos, long transferNanos,
			Flux<GenerationEvent> events) {
		AtomicBoolean first = new AtomicBoolean(true);
		long[] last = new long[64];
		return events.doOnNext((event) -> {
			long now = System.nanoTime();
			switch (event) {
				case GenerationEvent.Token t -> {
					if (first.getAndSet(false)) {
						timer("time_to_first_token", "Arrival to first generated token", model).record(now - startNanos,
								TimeUnit.NANOSECONDS);
					}
					int slot = t.choice() & 63;
					if (last[slot] != 0) {
						timer("inter_token_latency", "Time between two tokens of a choice", model)
							.record(now - last[slot], TimeUnit.NANOSECONDS);
					}
					last[slot] = now;
				}
				case GenerationEvent.Completed c -> {
					timer("e2e_request_latency", "Arrival to last token", model).record(now - startNanos,
							TimeUnit.NANOSECONDS);
					if (c.stats() != null) {
						timer("request_queue_time", "Waiting for admission", model).record(c.stats().queueNanos(),
								TimeUnit.NANOSECONDS);
						timer("request_prefill_time", "Prompt processing", model).record(c.stats().prefillNanos(),
								TimeUnit.NANOSECONDS);
						timer("request_decode_time", "Token generation", model).record(c.stats().decodeNanos(),
								TimeUnit.NANOSECONDS);
						if (timing.isDebugEnabled()) {
							timing.debug(
									"request=" + requestId + " model=" + model + " " + serverTiming(transferNanos, c));
						}
					}
				}
				default -> {
				}
			}
		});
	}

	/**
	 * The breakdown as a {@code Server-Timing} header value, in milliseconds.
	 * @param transferNanos time spent finding and moving prompt KV
	 * @param completed the engine's final event
	 * @return e.g.
	 * {@code transfer;dur=3.1, queue;dur=0.2, prefill;dur=25.0, decode;dur=410.2}
	 */
	public static String serverTiming(long transferNanos, GenerationEvent.Completed completed) {
		GenerationEvent.RequestStats s = completed.stats();
		return "transfer;dur=" + ms(transferNanos) + ", queue;dur=" + ms(s.queueNanos()) + ", prefill;dur="
				+ ms(s.prefillNanos()) + ", decode;dur=" + ms(s.decodeNanos());
	}

	private static String ms(long nanos) {
		return Double.toString(Math.round(nanos / 1e4) / 100.0);
	}

	private Timer timer(String name, String description, String model) {
		return Timer.builder("quorum.decode." + name)
			.description(description)
			.tag("model", model)
			.publishPercentileHistogram()
			.register(this.meters);
	}

}
