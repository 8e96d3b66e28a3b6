// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.error;

import java.time.Duration;
import java.util.Map;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = OpenAiErrorHandlerTests.App.class)
@AutoConfigureWebTestClient
class OpenAiErrorHandlerTests {

	@Autowired
	WebTestClient client;

	@Test
	void unknownPathIsAnOpenAiShaped404() {
		this.client.get()
			.uri("/v1/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("not_found_error")
			.jsonPath("$.error.code")
			.isEqualTo("unknown_url")
			.jsonPath("$.error.message")
			.isEqualTo("No such endpoint: GET /v1/nope")
			.jsonPath("$.error.param")
			.isEmpty()
			.jsonPath("$.error")
			.value((Map<String, Object> error) -> assertThat(error).containsKeys("message", "type", "param", "code"));
	}

	@Test
	void apiExceptionKeepsStatusParamAndRetryAfter() {
		this.client.get()
			.uri("/busy")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("service_unavailable_error")
			.jsonPath("$.error.code")
			.isEqualTo("backend_unavailable");
		this.client.post()
			.uri("/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"temperature\":9}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("temperature")
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error");
	}

	@Test
	void malformedJsonIsA400() {
		this.client.post()
			.uri("/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"temperature\":")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("invalid_request_error")
			.jsonPath("$.error.message")
			.value((String message) -> assertThat(message).startsWith("Could not parse the request body as JSON"));
	}

	@Test
	void unexpectedFailureIsA500WithoutInternals() {
		byte[] body = this.client.get()
			.uri("/bug")
			.header("X-Request-Id", "abc-123")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.valueEquals("X-Request-Id", "abc-123")
			.expectBody()
			.jsonPath("$.error.type")
			.isEqualTo("server_error")
			.jsonPath("$.error.message")
			.isEqualTo("Internal server error; quote request id abc-123 when reporting it")
			.returnResult()
			.getResponseBody();
		assertThat(new String(body)).doesNotContain("IllegalStateException").doesNotContain("secret detail");
	}

	@Test
	void insaneRequestIdIsReplaced() {
		this.client.get()
			.uri("/busy")
			.header("X-Request-Id", "bad id with spaces\u00e9")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).startsWith("req_").hasSize(28));
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/busy")
		Mono<String> busy() {
			return Mono.error(ApiException.unavailable("decode is down", Duration.ofSeconds(7)));
		}

		@GetMapping("/bug")
		Mono<String> bug() {
			return Mono.error(new IllegalStateException("secret detail"));
		}

		@PostMapping("/echo")
		Mono<Map<String, Object>> echo(@RequestBody Map<String, Object> body) {
			Object temperature = body.get("temperature");
			if (temperature instanceof Number n && n.doubleValue() > 2) {
				throw new ApiException(400, ErrorType.INVALID_REQUEST, "temperature must be in [0, 2]", "temperature",
						null, null);
			}
			return Mono.just(body);
		}

	}

}
