// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.route;

import java.time.Duration;

import dev.quorum.gateway.GatewayTestBackends;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTests {

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
	void plainChatCompletionsGoToDecode() {
		post("/v1/chat/completions", "{\"model\":\"tiny-reasoner\",\"messages\":[]}").jsonPath("$.backend")
			.isEqualTo("decode")
			.jsonPath("$.path")
			.isEqualTo("/v1/chat/completions");
	}

	@Test
	void strategyModelsAndQuorumObjectsGoToEnsembleWithTheBodyIntact() {
		String body = "{\"model\":\"sc-16/tiny-reasoner\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}";
		post("/v1/chat/completions", body).jsonPath("$.backend")
			.isEqualTo("ensemble")
			.jsonPath("$.bodyLength")
			.isEqualTo(body.length());
		post("/v1/chat/completions", "{\"model\":\"ensemble/tiny-reasoner+tiny-reasoner-b\",\"messages\":[]}")
			.jsonPath("$.backend")
			.isEqualTo("ensemble");
		post("/v1/chat/completions", "{\"model\":\"tiny-reasoner\",\"messages\":[],\"quorum\":{\"strategy\":\"cot\"}}")
			.jsonPath("$.backend")
			.isEqualTo("ensemble");
		post("/v1/reason", "{\"question\":\"2+2?\"}").jsonPath("$.backend").isEqualTo("ensemble");
	}

	@Test
	void modelNamesWithASlashThatAreNotStrategiesGoToDecode() {
		post("/v1/chat/completions", "{\"model\":\"meta-llama/Llama-3.2-1B\",\"messages\":[]}").jsonPath("$.backend")
			.isEqualTo("decode");
	}

	@Test
	void malformedChatBodiesGoToDecodeWhichOwnsTheError() {
		post("/v1/chat/completions", "{not json").jsonPath("$.backend").isEqualTo("decode");
	}

	@Test
	void otherPublicPathsRouteToTheirBackends() {
		post("/v1/completions", "{}").jsonPath("$.backend").isEqualTo("decode");
		post("/v1/tokenize", "{}").jsonPath("$.backend").isEqualTo("decode");
		post("/v1/verify", "{}").jsonPath("$.backend").isEqualTo("verifier");
		post("/v1/rewards", "{}").jsonPath("$.backend").isEqualTo("verifier");
		this.client.get()
			.uri("/v1/models")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.backend")
			.isEqualTo("decode");
	}

	@Test
	void internalPathsAreNotReachable() {
		this.client.post()
			.uri("/internal/v1/prefill")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("not_found_error");
	}

	@Test
	void requestIdIsMadeWhenAbsentPassedDownstreamAndReturned() {
		byte[] body = this.client.post()
			.uri("/v1/completions")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("X-Request-Id", "req_[0-9a-f]{24}")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(body)).containsPattern("\"requestId\":\"req_[0-9a-f]{24}\"");
		this.client.post()
			.uri("/v1/completions")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.header("X-Request-Id", "client-chosen-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectHeader()
			.valuesMatch("X-Request-Id", "client-chosen-1")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("client-chosen-1");
	}

	@Test
	void streamsPassThroughFrameByFrameWithoutBuffering() {
		Flux<String> frames = this.client.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.post()
			.uri("/v1/completions?test-stream")
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"stream\":true}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		// The backend holds back everything after the first frame until released:
		// receiving the first
		// frame before the release proves the gateway forwards frames as they come.
		StepVerifier.create(frames)
			.expectNext("{\"i\":0}")
			.then(backends.decode::releaseStream)
			.expectNext("{\"i\":1}", "[DONE]")
			.verifyComplete();
	}

	@Test
	void accessLogNamesTheKeyIdNeverTheKey(CapturedOutput output) {
		post("/v1/verify", "{}");
		// The line is written when the exchange completes, which may be just after the
		// client has read it.
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut()).contains("POST /v1/verify 200").contains("key=tester"));
		assertThat(output.getOut()).doesNotContain(GatewayTestBackends.KEY);
	}

	private WebTestClient.BodyContentSpec post(String path, String json) {
		return this.client.post()
			.uri(path)
			.header("Authorization", "Bearer " + GatewayTestBackends.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
