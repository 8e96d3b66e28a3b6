// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.backend;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.verifier.FakeDecode;
import dev.quorum.verifier.FakeDecode.Reply;
import dev.quorum.verifier.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The backend hop against a real HTTP server: what each failure becomes for the client,
 * and when the {@code decode} circuit opens.
 */
class CompletionBackendTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final CreateCompletionRequest REQUEST = CreateCompletionRequest.of("tiny-verifier", CompletionPrompt
		.of("Q: 1+1\nLet's think step by step.\n1+1=2\nThe answer is 2.\nIs the answer correct (Yes/No)? "), 1);

	private final FakeDecode decode = new FakeDecode(FakeDecode.verifier((prompt) -> 0.9));

	@AfterEach
	void stop() {
		this.decode.close();
	}

	private CompletionBackend backend(Map<String, String> more) {
		Map<String, String> settings = new java.util.HashMap<>(Map.of("decode-uri", this.decode.uri(),
				"decode.time-limit", "2s", "decode.circuit-breaker.minimum-number-of-calls", "2",
				"decode.circuit-breaker.sliding-window-size", "2", "decode.circuit-breaker.wait-in-open-state", "30s"));
		settings.putAll(more);
		return TestSettings.backend(TestSettings.of(settings));
	}

	private CompletionBackend backend() {
		return backend(Map.of());
	}

	private ApiException failure(CompletionBackend backend) {
		return catchThrowableOfType(ApiException.class, () -> backend.complete(REQUEST).block(WAIT));
	}

	@Test
	void returnsTheCompletionOfAHealthyBackend() {
		CreateCompletionResponse response = backend().complete(REQUEST).block(WAIT);
		assertThat(response.choices()).hasSize(1);
		assertThat(this.decode.requests().get(0).prompt()).isEqualTo(REQUEST.prompt());
	}

	@Test
	void anUnknownModelIsA404NamingTheModel() {
		this.decode.script((request, call) -> Reply.json(404,
				"{\"error\":{\"message\":\"The model 'x' does not exist\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}"));
		ApiException error = failure(backend());
		assertThat(error.status()).isEqualTo(404);
		assertThat(error.param()).isEqualTo("model");
		assertThat(error.getMessage()).contains("tiny-verifier");
	}

	@Test
	void aRejectedPromptIsA400OnTheCandidatesWithTheBackendsReason() {
		this.decode.script((request, call) -> Reply.json(400,
				"{\"error\":{\"message\":\"prompt of 1200 tokens exceeds the context of 1024\",\"type\":\"invalid_request_error\",\"param\":\"prompt\",\"code\":null}}"));
		ApiException error = failure(backend());
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.param()).isEqualTo("candidates");
		assertThat(error.getMessage()).contains("exceeds the context of 1024");
	}

	@Test
	void serverErrorsAndOverloadAre503WithRetryAfter() {
		this.decode
			.script((request, call) -> new Reply(429, Map.of("Retry-After", "7", "Content-Type", "application/json"),
					"{\"error\":{\"message\":\"busy\",\"type\":\"rate_limit_error\"}}", Duration.ZERO));
		ApiException busy = failure(backend());
		assertThat(busy.status()).isEqualTo(503);
		assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		this.decode
			.script((request, call) -> Reply.json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
		ApiException broken = failure(backend());
		assertThat(broken.status()).isEqualTo(503);
		assertThat(broken.code()).isEqualTo("backend_unavailable");
	}

	@Test
	void garbageIs503() {
		this.decode.script((request, call) -> Reply.json(200, "<html>not an API</html>"));
		ApiException error = failure(backend());
		assertThat(error.status()).isEqualTo(503);
		assertThat(error.getMessage()).contains("malformed");
	}

	@Test
	void aRefusedConnectionIs503() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		ApiException error = failure(backend(Map.of("decode-uri", "http://127.0.0.1:" + closed)));
		assertThat(error.status()).isEqualTo(503);
		assertThat(error.getMessage()).contains("unavailable");
	}

	@Test
	void aBackendSlowerThanTheTimeLimitIs504() {
		this.decode.script(
				(request, call) -> FakeDecode.verifier((p) -> 0.9).answer(request, call).after(Duration.ofSeconds(3)));
		ApiException error = failure(backend(Map.of("decode.time-limit", "300ms")));
		assertThat(error.status()).isEqualTo(504);
		assertThat(error.type().wireName()).isEqualTo("timeout_error");
	}

	@Test
	void theCircuitOpensOnBackendFaultsAndThenSparesTheBackend() {
		this.decode.script((request, call) -> Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
		CompletionBackend backend = backend();
		failure(backend);
		failure(backend);
		ApiException open = failure(backend);
		assertThat(open.status()).isEqualTo(503);
		assertThat(open.getMessage()).contains("circuit is open");
		assertThat(open.retryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.decode.requests()).hasSize(2);
	}

	@Test
	void theBackendsOwnRefusalsDoNotOpenTheCircuit() {
		this.decode.script((request, call) -> (call < 4)
				? Reply.json(404, "{\"error\":{\"message\":\"no such model\",\"type\":\"invalid_request_error\"}}")
				: FakeDecode.verifier((p) -> 0.9).answer(request, call));
		CompletionBackend backend = backend();
		for (int i = 0; i < 4; i++) {
			assertThat(failure(backend).status()).isEqualTo(404);
		}
		assertThat(backend.complete(REQUEST).block(WAIT).choices()).hasSize(1);
	}

	@Test
	void theApiRootGetsV1OnceOnly() {
		assertThat(BackendConfiguration.apiRoot(java.net.URI.create("http://decode:8081")))
			.hasToString("http://decode:8081/v1");
		assertThat(BackendConfiguration.apiRoot(java.net.URI.create("http://vllm:8000/v1/")))
			.hasToString("http://vllm:8000/v1");
	}

}
