// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.quorum.e2e.Http;
import dev.quorum.e2e.Platform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One W3C trace id across the hops of a request: the client's {@code traceparent} is
 * continued by the gateway, decode-service and prefill-service (every service's
 * access-log line carries it).
 */
class TracingTests {

	@Test
	void aClientTraceIdFollowsTheRequestThroughGatewayDecodeAndPrefill() throws IOException {
		Platform platform = Platform.shared();
		String gateway = platform.gatewayUrl();
		byte[] random = new byte[16];
		ThreadLocalRandom.current().nextBytes(random);
		String traceId = HexFormat.of().formatHex(random);
		StringBuilder prompt = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			prompt.append("Q: Evaluate from left to right: ")
				.append(i)
				.append("+17*3-")
				.append(i * 7)
				.append("\nAnswer directly.\n");
		}
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(gateway + "/v1/completions"))
			.header("Authorization", "Bearer " + Platform.API_KEY)
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"model\":\"tiny-reasoner\",\"max_tokens\":4," + "\"temperature\":0,\"prompt\":"
						+ tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(prompt.toString())
						+ "}"))
			.timeout(Duration.ofSeconds(120))
			.build();
		try {
			int status = java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode();
			assertThat(status).isEqualTo(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String service : new String[] { "gateway", "decode", "prefill" }) {
				assertThat(Files.readString(platform.log(service))).as(service + " log").contains(traceId);
			}
		});
		assertThat(Http.countKeys(platform.redis(), "quorum:kv:*")).isPositive();
	}

}
