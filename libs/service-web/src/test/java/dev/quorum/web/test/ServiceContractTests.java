// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every Quorum service promises on the wire, checked against the whole application
 * on a random port: liveness and readiness probes up, Prometheus metrics tagged with
 * {@code service=<name>}, an OpenAI-shaped 404 (with {@code X-Request-Id}) for an unknown
 * endpoint, its {@code quorum.<service>} settings bound with their defaults, and
 * BlockHound active in its tests (the service's test classpath must carry
 * blockhound-junit-platform), so that a blocking call on an event loop fails any of them.
 * <p>
 * A service's test extends this class from the service's own package (so Spring Boot
 * finds its application), passes its name, and states one bound default in
 * {@link #assertSettingsDefaults()}; its own wiring ({@code @DynamicPropertySource} for
 * models or Redis) stays on the subclass. Probes and metrics are requested without any
 * credentials.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServiceContractTests {

	private final String service;

	@Autowired
	protected WebTestClient client;

	/**
	 * Creates the checks for one service.
	 * @param service the value of its {@code service} metrics tag, e.g. {@code decode}
	 */
	protected ServiceContractTests(String service) {
		this.service = service;
	}

	/**
	 * Asserts one default of the service's {@code @ConfigurationProperties} record, which
	 * proves the record is bound.
	 */
	protected abstract void assertSettingsDefaults();

	/**
	 * Adds what a service needs on API requests (the gateway's API key); nothing by
	 * default.
	 * @param headers the headers of the request to the unknown endpoint
	 */
	protected void apiHeaders(HttpHeaders headers) {
	}

	@Test
	void reportsLiveAndReadyOnTheProbeGroups() {
		for (String group : new String[] { "liveness", "readiness" }) {
			this.client.get()
				.uri("/actuator/health/" + group)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheService() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((text) -> assertThat(text).contains("jvm_memory_used_bytes")
				.contains("service=\"" + this.service + "\""));
	}

	@Test
	void answersUnknownEndpointsWithAnOpenAiError() {
		this.client.post()
			.uri("/v1/does-not-exist")
			.headers(this::apiHeaders)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("not_found_error");
	}

	@Test
	void bindsItsSettingsWithDefaults() {
		assertSettingsDefaults();
	}

	@Test
	void runsUnderBlockHound() {
		Mono<String> blocking = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5))).hasMessageContaining("Blocking call");
	}

}
