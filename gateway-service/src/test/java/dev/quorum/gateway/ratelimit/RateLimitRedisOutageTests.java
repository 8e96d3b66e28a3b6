// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.ratelimit;

import dev.quorum.gateway.GatewayTestBackends;
import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis stopped, the rate limiter fails open (default) or closed, within its
 * timeout, and says so in a metric; it never hangs the request.
 */
class RateLimitRedisOutageTests {

	static final GatewayTestBackends backends = new GatewayTestBackends();

	static final RedisInstance redis = TestRedis.dedicated();

	@AfterAll
	static void stop() {
		backends.close();
		redis.close();
	}

	static void wire(DynamicPropertyRegistry registry) {
		backends.wire(registry);
		GatewayTestBackends.wireRedis(registry, redis);
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@AutoConfigureWebTestClient
	class FailOpen {

		@Autowired
		WebTestClient client;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			wire(registry);
		}

		@Test
		void requestsPassAndTheOutageIsCounted() {
			redis.stop();
			try {
				this.client.get()
					.uri("/v1/models")
					.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.doesNotExist("x-ratelimit-remaining-requests");
				this.client.get()
					.uri("/actuator/prometheus")
					.exchange()
					.expectBody(String.class)
					.value((text) -> assertThat(text).contains("quorum_gateway_ratelimit_redis_errors_total"));
			}
			finally {
				redis.start();
			}
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "quorum.gateway.rate-limit.fail-open=false")
	@AutoConfigureWebTestClient
	class FailClosed {

		@Autowired
		WebTestClient client;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			wire(registry);
		}

		@Test
		void requestsGet503WithRetryAfter() {
			redis.stop();
			try {
				this.client.get()
					.uri("/v1/models")
					.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.exists("Retry-After")
					.expectBody()
					.jsonPath("$.error.type")
					.isEqualTo("service_unavailable_error");
			}
			finally {
				redis.start();
			}
		}

	}

}
