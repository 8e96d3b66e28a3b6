// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.auth;

import dev.quorum.gateway.GatewayTestBackends;
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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ApiKeyAuthTests {

	static final GatewayTestBackends backends = new GatewayTestBackends();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		backends.wire(registry);
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@Test
	void missingKeyIs401WithAnOpenAiErrorAndNeverReachesTheBackend() {
		int before = backends.decode.requests();
		this.client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("authentication_error")
			.jsonPath("$.error.code")
			.isEqualTo("invalid_api_key")
			.jsonPath("$.error.message")
			.value((String m) -> assertThat(m).contains("Authorization: Bearer"));
		assertThat(backends.decode.requests()).isEqualTo(before);
	}

	@Test
	void wrongKeyOrSchemeIs401() {
		for (String header : new String[] { "Bearer sk-wrong", "Basic " + GatewayTestBackends.KEY,
				GatewayTestBackends.KEY, "Bearer " }) {
			this.client.get()
				.uri("/v1/models")
				.header("Authorization", header)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error.type")
				.isEqualTo("authentication_error");
		}
	}

	@Test
	void configuredKeysGetThrough() {
		for (String key : new String[] { GatewayTestBackends.KEY, GatewayTestBackends.OTHER_KEY }) {
			this.client.get()
				.uri("/v1/models")
				.header("Authorization", "Bearer " + key)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.authorization")
				.isEqualTo(true);
		}
	}

	@Test
	void unknownPathsNeedAKeyTooSoRoutesCannotBeProbed() {
		this.client.get().uri("/v1/secret-admin").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void failedAttemptsAreCounted() {
		this.client.get().uri("/v1/models").header("Authorization", "Bearer nope").exchange();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((text) -> assertThat(text)
				.containsPattern("quorum_gateway_auth_failures_total\\{.*reason=\"invalid_key\""));
	}

}
