// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.FakeOpenAi;
import dev.quorum.ensemble.FakeOpenAi.Reply;
import dev.quorum.ensemble.TestProperties;
import dev.quorum.ensemble.ToyBackend;
import dev.quorum.openai.client.OpenAiClientException;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The resilience layer of a backend against a real server: the circuit opens on backend
 * faults (not on rejected requests), calls are time-limited, and the bulkhead refuses
 * work beyond its cap at once. Outcomes are counted per model.
 */
class BackendCallsTests {

	private final ToyBackend toy = new ToyBackend().model("m", "greedy", "sample");

	private final FakeOpenAi server = new FakeOpenAi(this.toy);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ModelCatalog catalog(String timeLimit, String maxConcurrent) {
		EnsembleProperties properties = TestProperties
			.bind(Map.of("decode-uri", this.server.url(), "local-models[0].name", "m", "local.time-limit", timeLimit,
					"local.max-concurrent-calls", maxConcurrent, "circuit-breaker.minimum-number-of-calls", "2",
					"circuit-breaker.sliding-window-size", "2", "circuit-breaker.wait-in-open-state", "60s"));
		return new BackendConfiguration().modelCatalog(properties,
				new Resilience(properties.circuitBreaker(), this.meters), WebClient.builder(), new MockEnvironment());
	}

	private static Throwable failure(ModelCatalog catalog) {
		GenerationRequest request = new GenerationRequest("m", "q", "q", List.of(), 1, 0.8, 16, 0, 0);
		return catchThrowable(() -> catalog.source("m", new RequestScope(null, null, 0.01))
			.generate(request)
			.toCompletableFuture()
			.get()).getCause();
	}

	private double count(String outcome) {
		return this.meters
			.counter("quorum.ensemble.backend.calls", "model", "m", "operation", "chat", "outcome", outcome)
			.count();
	}

	@Test
	void backendFaultsOpenTheCircuitAndThenNoCallIsMade() {
		this.server.answer((c) -> Reply.error(500, "boom"));
		ModelCatalog catalog = catalog("10s", "4");
		assertThat(failure(catalog)).isInstanceOf(OpenAiClientException.class);
		assertThat(failure(catalog)).isInstanceOf(OpenAiClientException.class);
		assertThat(failure(catalog)).isInstanceOf(CallNotPermittedException.class).hasMessageContaining("model-m");
		assertThat(this.server.calls()).hasSize(2);
		assertThat(count("error")).isEqualTo(2);
		assertThat(count("circuit_open")).isEqualTo(1);
	}

	@Test
	void rejectedRequestsDoNotOpenTheCircuit() {
		this.server.answer((c) -> Reply.error(400, "bad field"));
		ModelCatalog catalog = catalog("10s", "4");
		for (int i = 0; i < 3; i++) {
			assertThat(failure(catalog)).isInstanceOf(OpenAiClientException.class);
		}
		assertThat(this.server.calls()).hasSize(3);
		assertThat(count("rejected_request")).isEqualTo(3);
	}

	@Test
	void aCallPastTheTimeLimitFails() {
		this.server.answer((c) -> this.toy.apply(c).after(Duration.ofSeconds(30)));
		assertThat(failure(catalog("300ms", "4"))).isInstanceOf(TimeoutException.class)
			.hasMessageContaining("did not answer within 300 ms");
		assertThat(count("timeout")).isEqualTo(1);
	}

	@Test
	void theBulkheadRefusesGenerationsBeyondItsCapAtOnce() throws Exception {
		this.server.answer((c) -> this.toy.apply(c).after(Duration.ofSeconds(2)));
		ModelCatalog catalog = catalog("10s", "1");
		GenerationRequest request = new GenerationRequest("m", "q", "q", List.of(), 1, 0.8, 16, 0, 0);
		var first = catalog.source("m", new RequestScope(null, null, 0.01)).generate(request).toCompletableFuture();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.open() == 1);
		assertThat(failure(catalog)).isInstanceOf(BulkheadFullException.class);
		List<Candidate> arrived = first.get();
		assertThat(arrived).extracting(Candidate::text).containsExactly("sample");
		assertThat(this.server.calls()).hasSize(1);
	}

}
