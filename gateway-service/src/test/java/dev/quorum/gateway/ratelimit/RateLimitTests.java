// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.ratelimit;

import dev.quorum.gateway.GatewayTestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default class allows a burst of 3 and then 0.2 requests per second, so the 4th
 * request in a row is refused whatever the machine's speed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quorum.gateway.rate-limit.redis-timeout=3s",
				"quorum.gateway.rate-limit.classes.default.requests-per-second=0.2",
				"quorum.gateway.rate-limit.classes.default.burst=3" })
@AutoConfigureWebTestClient
class RateLimitTests {

	static final GatewayTestBackends backends = new GatewayTestBackends();

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		backends.wire(registry);
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@Test
	void burstIsServedThenA429WithRetryAfterAndTheOtherKeysBucketIsIndependent() {
		this.redis.delete(RedisTokenBucket.KEY_PREFIX + "tester", RedisTokenBucket.KEY_PREFIX + "other").block();
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/v1/models")
				.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("x-ratelimit-limit-requests", "3")
				.expectHeader()
				.valueEquals("x-ratelimit-remaining-requests", Integer.toString(2 - i));
		}
		int before = backends.decode.requests();
		this.client.get()
			.uri("/v1/models")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5))
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("rate_limit_error")
			.jsonPath("$.error.code")
			.isEqualTo("rate_limit_exceeded");
		assertThat(backends.decode.requests()).isEqualTo(before);
		this.client.get()
			.uri("/v1/models")
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("x-ratelimit-limit-requests", "200");
	}

	@Test
	void bucketStateLivesInRedisUnderTheKeyIdNotTheKey() {
		this.client.get()
			.uri("/v1/models")
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.redis.hasKey(RedisTokenBucket.KEY_PREFIX + "other").block()).isTrue();
		assertThat(this.redis.keys("*" + GatewayTestBackends.OTHER_KEY + "*").collectList().block()).isEmpty();
		assertThat(this.redis.getExpire(RedisTokenBucket.KEY_PREFIX + "other").block()).isPositive();
	}

}
