// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.chat.CreateChatCompletionResponse;
import dev.quorum.openai.chat.CreateChatCompletionStreamResponse;
import dev.quorum.openai.client.FakeBackend.Reply;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.openai.tokenize.TokenizeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client against a real HTTP server: plain and streamed calls, error bodies, refused
 * connections, silence, and where the key goes.
 */
class OpenAiClientTests {

	private static final String KEY = "sk-quorum-test-0123456789";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String CHAT_RESPONSE = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"tiny-reasoner",
			"choices":[{"index":0,"message":{"role":"assistant","content":"The answer is 4.","refusal":null},
			"logprobs":null,"finish_reason":"stop","stop_reason":null}],
			"usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18,"prompt_tokens_details":{"cached_tokens":8}},
			"prompt_logprobs":null}""";

	private static final String CHUNK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
			+ "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"logprobs\":null,"
			+ "\"finish_reason\":null}]}";

	private final FakeBackend backend = new FakeBackend();

	@AfterEach
	void stop() {
		this.backend.close();
	}

	private OpenAiClient client(Duration responseTimeout) {
		return OpenAiClient
			.create(OpenAiClientSettings.of(this.backend.baseUrl(), KEY, Duration.ofSeconds(2), responseTimeout));
	}

	private OpenAiClient client() {
		return client(TIMEOUT);
	}

	private static CreateChatCompletionRequest question() {
		return CreateChatCompletionRequest.of("tiny-reasoner", List.of(ChatCompletionRequestMessage.user("2+2?")));
	}

	private static String chunk(String content) {
		return CHUNK.formatted(content);
	}

	@Test
	void chatPostsOnlySetFieldsAndReadsTheCompletion() {
		this.backend.reply(Reply.json(200, CHAT_RESPONSE));
		CreateChatCompletionResponse response = client().chat(question().withStream(true, true)).block(TIMEOUT);
		assertThat(response.choices().get(0).message().content()).isEqualTo("The answer is 4.");
		assertThat(response.usage().promptTokensDetails().cachedTokens()).isEqualTo(8);
		FakeBackend.Recorded request = this.backend.last();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri()).isEqualTo("/v1/chat/completions");
		assertThat(request.headers().get("content-type")).startsWith("application/json");
		assertThat(request.body())
			.isEqualTo("{\"model\":\"tiny-reasoner\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}]}");
	}

	@Test
	void chatStreamReadsDataWithAndWithoutSpaceAndStopsAtDone() {
		this.backend
			.reply(Reply.sse("data: " + chunk("The") + "\n\n", ": keep-alive\n\n", "data:" + chunk(" answer") + "\n\n",
					"data: " + chunk(" is 4.") + "\r\n\r\n", "data: [DONE]\n\n", "data: {not json after DONE}\n\n"));
		StepVerifier.create(client().chatStream(question()).map((c) -> c.choices().get(0).delta().content()))
			.expectNext("The", " answer", " is 4.")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.backend.last().body()).contains("\"stream\":true").doesNotContain("stream_options");
		assertThat(this.backend.last().headers().get("accept")).isEqualTo("text/event-stream");
	}

	@Test
	void chatStreamReadsTheUsageChunk() {
		this.backend.reply(Reply.sse("data: " + chunk("4") + "\n\n",
				"data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
						+ "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n",
				"data: [DONE]\n\n"));
		List<CreateChatCompletionStreamResponse> chunks = client().chatStream(question().withStream(true, true))
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(1).usage().totalTokens()).isEqualTo(4);
		assertThat(this.backend.last().body()).contains("\"stream_options\":{\"include_usage\":true}");
	}

	@Test
	void errorFrameMidStreamIsAnErrorSignal() {
		this.backend.reply(Reply.sse("data: " + chunk("The") + "\n\n",
				"data: {\"error\":{\"message\":\"decode failed\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n"));
		StepVerifier.create(client().chatStream(question())).expectNextCount(1).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(OpenAiClientException.class);
			OpenAiClientException failure = (OpenAiClientException) error;
			assertThat(failure.midStream()).isTrue();
			assertThat(failure.status()).isEqualTo(200);
			assertThat(failure.type()).isEqualTo("server_error");
			assertThat(failure.error().error().message()).isEqualTo("decode failed");
		}).verify(TIMEOUT);
	}

	@Test
	void streamCutBeforeDoneIsAProtocolError() {
		this.backend.reply(Reply.sse("data: " + chunk("The") + "\n\n"));
		StepVerifier.create(client().chatStream(question()))
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OpenAiProtocolException.class)
				.hasMessageContaining("without data: [DONE]"))
			.verify(TIMEOUT);
	}

	@Test
	void clientErrorCarriesStatusTypeAndParam() {
		this.backend.reply(Reply.json(400, "{\"error\":{\"message\":\"Invalid 'temperature'\","
				+ "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":null}}"));
		StepVerifier.create(client().chat(question())).expectErrorSatisfies((error) -> {
			OpenAiClientException failure = (OpenAiClientException) error;
			assertThat(failure.status()).isEqualTo(400);
			assertThat(failure.type()).isEqualTo("invalid_request_error");
			assertThat(failure.param()).isEqualTo("temperature");
			assertThat(failure.midStream()).isFalse();
			assertThat(failure.endpoint()).endsWith("/v1/chat/completions");
		}).verify(TIMEOUT);
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		this.backend.reply(
				Reply
					.json(429,
							"{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\","
									+ "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
					.withHeader("Retry-After", "7"));
		StepVerifier.create(client().chatStream(question())).expectErrorSatisfies((error) -> {
			OpenAiClientException failure = (OpenAiClientException) error;
			assertThat(failure.status()).isEqualTo(429);
			assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
			assertThat(failure.error().error().code()).isEqualTo("rate_limit_exceeded");
		}).verify(TIMEOUT);
	}

	@Test
	void serverErrorsInVllmFormsAreParsed() {
		this.backend.reply(
				Reply
					.json(503,
							"{\"object\":\"error\",\"message\":\"overloaded\",\"type\":\"ServiceUnavailable\","
									+ "\"param\":null,\"code\":503}")
					.withHeader("retry-after-ms", "1500"));
		StepVerifier.create(client().chat(question())).expectErrorSatisfies((error) -> {
			OpenAiClientException failure = (OpenAiClientException) error;
			assertThat(failure.status()).isEqualTo(503);
			assertThat(failure.error().error().message()).isEqualTo("overloaded");
			assertThat(failure.error().error().code()).isEqualTo("503");
			assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		}).verify(TIMEOUT);
		this.backend.reply(Reply.json(500, "<html>Internal Server Error</html>"));
		StepVerifier.create(client().chat(question())).expectErrorSatisfies((error) -> {
			OpenAiClientException failure = (OpenAiClientException) error;
			assertThat(failure.status()).isEqualTo(500);
			assertThat(failure.error()).isNull();
		}).verify(TIMEOUT);
	}

	@Test
	void garbageBodyIsAProtocolError() {
		this.backend.reply(Reply.json(200, "{\"choices\": \"not a list\"}"));
		StepVerifier.create(client().chat(question())).expectError(OpenAiProtocolException.class).verify(TIMEOUT);
	}

	@Test
	void refusedConnectionIsAConnectionError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		OpenAiClient client = OpenAiClient
			.create(OpenAiClientSettings.of("http://127.0.0.1:" + port + "/v1", KEY, Duration.ofSeconds(2), TIMEOUT));
		StepVerifier.create(client.chat(question()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OpenAiConnectionException.class)
				.hasMessageContaining("127.0.0.1:" + port)
				.hasMessageNotContaining(KEY))
			.verify(TIMEOUT);
	}

	@Test
	void silenceBeforeTheResponseIsATimeout() {
		this.backend.reply(Reply.json(200, CHAT_RESPONSE).after(Duration.ofSeconds(3)));
		StepVerifier.create(client(Duration.ofMillis(300)).chat(question()))
			.expectError(OpenAiTimeoutException.class)
			.verify(TIMEOUT);
	}

	@Test
	void silenceInTheMiddleOfAStreamIsATimeout() {
		this.backend
			.reply(Reply.sse("data: " + chunk("a") + "\n\n", "data: [DONE]\n\n").withGap(Duration.ofSeconds(3)));
		StepVerifier.create(client(Duration.ofMillis(300)).chatStream(question()))
			.expectError(OpenAiTimeoutException.class)
			.verify(TIMEOUT);
	}

	@Test
	void keyTravelsOnlyInTheAuthorizationHeader() {
		this.backend.reply(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
				+ "\"type\":\"authentication_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
		OpenAiClient client = client();
		Throwable error = catchThrowable(() -> client.chat(question()).block(TIMEOUT));
		FakeBackend.Recorded request = this.backend.last();
		assertThat(request.headers().get("authorization")).isEqualTo("Bearer " + KEY);
		request.headers()
			.entrySet()
			.stream()
			.filter((header) -> !header.getKey().equals("authorization"))
			.forEach((header) -> assertThat(header.getValue()).doesNotContain(KEY));
		assertThat(request.uri()).doesNotContain(KEY);
		assertThat(request.body()).doesNotContain(KEY);
		assertThat(error).isInstanceOf(OpenAiClientException.class).hasMessageNotContaining(KEY);
		assertThat(client.settings().toString()).doesNotContain(KEY).contains("apiKey=****");
	}

	@Test
	void noKeyMeansNoAuthorizationHeader() {
		this.backend.reply(Reply.json(200, CHAT_RESPONSE));
		OpenAiClient.create(OpenAiClientSettings.of(this.backend.baseUrl(), " ", Duration.ofSeconds(2), TIMEOUT))
			.chat(question())
			.block(TIMEOUT);
		assertThat(this.backend.last().headers()).doesNotContainKey("authorization");
	}

	@Test
	void completionsSendTokenIdsAndReadLegacyLogprobs() {
		this.backend.reply(Reply.json(200, """
				{"id":"cmpl-1","object":"text_completion","created":1,"model":"m","choices":[{"text":" 4","index":0,
				"logprobs":{"tokens":[" 4"],"token_logprobs":[-0.01],"top_logprobs":[{" 4":-0.01," 5":-4.6}],
				"text_offset":[0]},"finish_reason":"length","stop_reason":null}],
				"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"""));
		CreateCompletionResponse response = client()
			.completions(CreateCompletionRequest.of("m", CompletionPrompt.ofTokens(1, 2, 3), 1).withLogprobs(2))
			.block(TIMEOUT);
		assertThat(response.choices().get(0).logprobs().topLogprobs().get(0)).containsKeys(" 4", " 5");
		assertThat(this.backend.last().uri()).isEqualTo("/v1/completions");
		assertThat(this.backend.last().body())
			.isEqualTo("{\"model\":\"m\",\"prompt\":[1,2,3],\"max_tokens\":1,\"logprobs\":2}");
	}

	@Test
	void completionsStreamReadsTextChunks() {
		String chunk = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\","
				+ "\"choices\":[{\"text\":\"%s\",\"index\":0,\"logprobs\":null,\"finish_reason\":%s}]}";
		this.backend.reply(Reply.sse("data: " + chunk.formatted(" 4", "null") + "\n\n",
				"data: " + chunk.formatted("", "\"stop\"") + "\n\n", "data: [DONE]\n\n"));
		StepVerifier
			.create(client().completionsStream(CreateCompletionRequest.of("m", CompletionPrompt.of("2+2="), 4))
				.map((c) -> c.choices().get(0).text() + "|" + c.choices().get(0).finishReason()))
			.expectNext(" 4|null", "|stop")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void modelsAndTokenizeUseTheirPaths() {
		this.backend
			.reply(Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"tiny-reasoner\",\"object\":\"model\","
					+ "\"created\":1,\"owned_by\":\"quorum\",\"max_model_len\":512}]}"));
		assertThat(client().models().block(TIMEOUT).data().get(0).maxModelLen()).isEqualTo(512);
		assertThat(this.backend.last().method()).isEqualTo("GET");
		assertThat(this.backend.last().uri()).isEqualTo("/v1/models");
		this.backend.reply(Reply.json(200, "{\"count\":2,\"max_model_len\":512,\"tokens\":[7,8]}"));
		assertThat(client().tokenize(TokenizeRequest.ofPrompt("m", "hi")).block(TIMEOUT).tokens()).containsExactly(7,
				8);
		assertThat(this.backend.last().uri()).isEqualTo("/v1/tokenize");
		OpenAiClient vllm = OpenAiClient.create(new OpenAiClientSettings(URI.create(this.backend.baseUrl()), null,
				Duration.ofSeconds(2), TIMEOUT, OpenAiClientSettings.DEFAULT_MAX_RESPONSE_BYTES, "../tokenize"));
		vllm.tokenize(TokenizeRequest.ofPrompt("m", "hi")).block(TIMEOUT);
		assertThat(this.backend.last().uri()).isEqualTo("/tokenize");
	}

}
