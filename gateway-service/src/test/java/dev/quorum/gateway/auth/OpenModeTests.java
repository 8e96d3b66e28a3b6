// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.auth;

import dev.quorum.gateway.GatewayTestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quorum.gateway.auth.mode=open", "quorum.gateway.cors.allowed-origins=http://localhost:3000" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class OpenModeTests {

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
	void letsRequestsInWithoutAKeyAndLogsItLoudly(CapturedOutput output) {
		this.client.get()
			.uri("/v1/models")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.backend")
			.isEqualTo("decode");
		assertThat(output.getAll()).contains("AUTHENTICATION IS OFF");
	}

	@Test
	void answersCorsPreflightForAllowedOriginsOnly() {
		this.client.options()
			.uri("/v1/chat/completions")
			.header("Origin", "http://localhost:3000")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
		this.client.options()
			.uri("/v1/chat/completions")
			.header("Origin", "http://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
