// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DecodeServiceApplicationTests {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DecodeTestSetup.wire(registry, TestRedis.shared());
	}

	@Autowired
	DecodeProperties properties;

	@Test
	void reportsLiveAndReadyOnTheProbeGroups() {
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheService() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((text) -> assertThat(text).contains("jvm_memory_used_bytes").contains("service=\"decode\""));
	}

	@Test
	void answersUnknownEndpointsWithAnOpenAiError() {
		this.client.post()
			.uri("/v1/does-not-exist")
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
		assertThat(this.properties.remotePrefillMinTokens()).isEqualTo(256);
	}

}
