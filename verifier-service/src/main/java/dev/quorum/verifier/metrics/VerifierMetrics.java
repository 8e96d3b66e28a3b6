// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import dev.quorum.openai.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Meters of verifier-service, low-cardinality tags only:
 * <ul>
 * <li>{@code quorum.verifier.requests} (timer): endpoint ({@code verify},
 * {@code rewards}), method ({@code genrm}, {@code genrm-cot}, {@code reference},
 * {@code mixed} for reward batches of both kinds, {@code unknown} before parsing),
 * outcome ({@code success}, {@code invalid_request}, {@code not_found},
 * {@code unavailable}, {@code timeout}, {@code error}, {@code cancelled});</li>
 * <li>{@code quorum.verifier.score} (distribution with buckets every 0.1): the scores
 * given, by method;</li>
 * <li>{@code quorum.verifier.no.signal} (counter): scores without a signal (no logprobs,
 * or neither Yes nor No among them), by method.</li>
 * </ul>
 */
@Component
public class VerifierMetrics {

	private static final double[] SCORE_BUCKETS = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 };

	private final MeterRegistry registry;

	/**
	 * Metrics on a registry.
	 * @param registry the registry
	 */
	public VerifierMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records one finished request.
	 * @param endpoint {@code verify} or {@code rewards}
	 * @param method the method tag
	 * @param outcome the outcome tag (see {@link #outcome(Throwable)})
	 * @param elapsed how long it took
	 */
	public void request(String endpoint, String method, String outcome, Duration elapsed) {
		Timer.builder("quorum.verifier.requests")
			.description("Verification and reward requests")
			.tag("endpoint", endpoint)
			.tag("method", method)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(elapsed);
	}

	/**
	 * Times a request's work: success, failure (by {@link #outcome(Throwable)}) or
	 * cancellation by the client.
	 * @param <T> the result type
	 * @param endpoint {@code verify} or {@code rewards}
	 * @param method the method tag, read when the request ends (it is known only once the
	 * body is parsed)
	 * @param work the request's work, not yet subscribed
	 * @return the timed work
	 */
	public <T> Mono<T> timed(String endpoint, Supplier<String> method, Mono<T> work) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			Supplier<Duration> elapsed = () -> Duration.ofNanos(System.nanoTime() - start);
			return work.doOnSuccess((result) -> request(endpoint, method.get(), "success", elapsed.get()))
				.doOnError((failure) -> request(endpoint, method.get(), outcome(failure), elapsed.get()))
				.doOnCancel(() -> request(endpoint, method.get(), "cancelled", elapsed.get()));
		});
	}

	/**
	 * Records one score given.
	 * @param method the method tag
	 * @param score the score in [0, 1]
	 * @param signal whether it carried a signal; scores without one are only counted
	 */
	public void score(String method, double score, boolean signal) {
		if (!signal) {
			Counter.builder("quorum.verifier.no.signal")
				.description("Scores without a Yes/No signal")
				.tag("method", method)
				.register(this.registry)
				.increment();
			return;
		}
		DistributionSummary.builder("quorum.verifier.score")
			.description("Verifier scores given")
			.tag("method", method)
			.serviceLevelObjectives(SCORE_BUCKETS)
			.register(this.registry)
			.record(score);
	}

	/**
	 * The outcome tag of a failed request.
	 * @param failure what it failed with
	 * @return the tag
	 */
	public static String outcome(Throwable failure) {
		if (!(failure instanceof ApiException api)) {
			return "error";
		}
		return switch (api.status()) {
			case 404 -> "not_found";
			case 503 -> "unavailable";
			case 504 -> "timeout";
			default -> (api.status() < 500) ? "invalid_request" : "error";
		};
	}

}
