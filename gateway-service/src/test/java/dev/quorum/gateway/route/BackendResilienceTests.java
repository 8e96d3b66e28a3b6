// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.route;

import java.time.Duration;

import dev.quorum.gateway.GatewayTestBackends;
import dev.quorum.gateway.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that is down, one that hangs, and a circuit that opens: each answer is an
 * OpenAI error with the right status, never a hang or a stack trace. Verifier points at a
 * closed port; decode hangs on demand with a 700 ms response timeout; ensemble's circuit
 * opens after 3 failed calls.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quorum.gateway.routes.decode.response-timeout=700ms",
				"quorum.gateway.routes.ensemble.circuit-breaker.minimum-number-of-calls=3",
				"quorum.gateway.routes.ensemble.circuit-breaker.sliding-window-size=3",
				"quorum.gateway.routes.ensemble.circuit-breaker.wait-in-open-state=30s" })
@AutoConfigureWebTestClient
class BackendResilienceTests {

	static final GatewayTestBackends backends = new GatewayTestBackends();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		backends.wire(registry);
		String refused = TestBackend.refusingUri();
		registry.add("quorum.gateway.routes.verifier.uri", () -> refused);
		registry.add("quorum.gateway.routes.ensemble.uri", () -> refused);
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@Test
	void backendThatIsDownGives503() {
		call("/v1/verify").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("service_unavailable_error")
			.jsonPath("$.error.message")
			.isEqualTo("The verifier backend is unavailable");
	}

	@Test
	void backendThatHangsGives504WithinTheResponseTimeout() {
		backends.decode.hang(true);
		try {
			call("/v1/completions").expectStatus()
				.isEqualTo(504)
				.expectBody()
				.jsonPath("$.error.type")
				.isEqualTo("timeout_error")
				.jsonPath("$.error.message")
				.isEqualTo("The decode backend did not answer in time");
		}
		finally {
			backends.decode.hang(false);
		}
		call("/v1/completions").expectStatus().isOk();
	}

	@Test
	void circuitOpensAfterRepeatedFailuresAndThenFailsFastWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			call("/v1/reason").expectStatus().isEqualTo(503);
		}
		call("/v1/reason").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "30")
			.expectBody()
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("circuit is open"));
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((text) -> assertThat(text)
				.containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"ensemble\".*state=\"open\".*\\} 1.0"));
	}

	private WebTestClient.ResponseSpec call(String path) {
		return this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.post()
			.uri(path)
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

}
