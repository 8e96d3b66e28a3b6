// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.limit;

import java.nio.charset.StandardCharsets;

import dev.quorum.gateway.GatewayTestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "quorum.gateway.max-body-size=1KB")
@AutoConfigureWebTestClient
class BodySizeLimitTests {

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
	void declaredOversizeBodyIs413AndNeverReachesTheBackend() {
		int before = backends.decode.requests();
		this.client.post()
			.uri("/v1/completions")
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\":\"" + "x".repeat(2000) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("request_too_large");
		assertThat(backends.decode.requests()).isEqualTo(before);
	}

	@Test
	void oversizeChatBodyReadForRoutingIs413() {
		this.client.post()
			.uri("/v1/chat/completions")
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked("{\"model\":\"sc-4/m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "y".repeat(3000)
					+ "\"}]}"), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error");
	}

	@Test
	void bodiesWithinTheLimitPass() {
		this.client.post()
			.uri("/v1/completions")
			.header("Authorization", "Bearer " + GatewayTestBackends.OTHER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\":\"" + "x".repeat(500) + "\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A body sent in 256-byte chunks with no Content-Length. */
	private static Flux<DataBuffer> chunked(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Flux.range(0, (bytes.length + 255) / 256)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(java.util.Arrays.copyOfRange(bytes, i * 256, Math.min(bytes.length, (i + 1) * 256))));
	}

}
