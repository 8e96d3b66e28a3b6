// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.net.URI;

import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.chat.CreateChatCompletionResponse;
import dev.quorum.openai.chat.CreateChatCompletionStreamResponse;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.openai.models.ListModelsResponse;
import dev.quorum.openai.tokenize.TokenizeRequest;
import dev.quorum.openai.tokenize.TokenizeResponse;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A reactive client for one OpenAI-compatible backend: chat and text completions (plain
 * and streamed), the model list, and vLLM-style tokenization. Requests carry only the
 * fields that are set. Failures arrive as {@link OpenAiBackendException} subtypes. There
 * are no retries here: callers own resilience (a Resilience4j circuit breaker, time
 * limiter and bulkhead per backend), and only they know whether a call may be repeated.
 * Nothing is logged; the API key travels only in the {@code Authorization} header.
 */
public final class OpenAiClient {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private static final byte[] NO_BODY = new byte[0];

	private final WebClient web;

	private final OpenAiClientSettings settings;

	private final JsonMapper json = OpenAiJson.mapper();

	private OpenAiClient(WebClient web, OpenAiClientSettings settings) {
		this.web = web;
		this.settings = settings;
	}

	/**
	 * A client on a fresh {@link WebClient}.
	 * @param settings the backend
	 * @return the client
	 */
	public static OpenAiClient create(OpenAiClientSettings settings) {
		return create(settings, WebClient.builder());
	}

	/**
	 * A client built from a given builder (for instance Spring Boot's, which carries
	 * tracing); the builder is cloned, not changed.
	 * @param settings the backend
	 * @param builder the builder to start from
	 * @return the client
	 */
	public static OpenAiClient create(OpenAiClientSettings settings, WebClient.Builder builder) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
			.responseTimeout(settings.responseTimeout());
		WebClient web = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(settings.maxResponseBytes()))
			.defaultHeaders((headers) -> {
				if (settings.apiKey() != null) {
					headers.setBearerAuth(settings.apiKey());
				}
			})
			.build();
		return new OpenAiClient(web, settings);
	}

	/**
	 * The backend this client calls.
	 * @return the settings (the key masked in {@code toString})
	 */
	public OpenAiClientSettings settings() {
		return this.settings;
	}

	/**
	 * {@code POST chat/completions}, not streamed (a {@code stream} flag on the request
	 * is dropped).
	 * @param request the request
	 * @return the completion
	 */
	public Mono<CreateChatCompletionResponse> chat(CreateChatCompletionRequest request) {
		return call(HttpMethod.POST, "chat/completions", request.withStream(false, false),
				CreateChatCompletionResponse.class);
	}

	/**
	 * {@code POST chat/completions} streamed: the chunks up to {@code data: [DONE]}. An
	 * error frame ends the flux with an {@link OpenAiClientException} whose
	 * {@code midStream()} is true; a stream that ends without {@code [DONE]} ends with an
	 * {@link OpenAiProtocolException}. Cancelling closes the connection.
	 * @param request the request; {@code stream} is set, {@code stream_options} kept
	 * @return the chunks
	 */
	public Flux<CreateChatCompletionStreamResponse> chatStream(CreateChatCompletionRequest request) {
		return stream("chat/completions", request.streaming() ? request : request.withStream(true, false),
				CreateChatCompletionStreamResponse.class);
	}

	/**
	 * {@code POST completions}, not streamed.
	 * @param request the request (token-id prompts and {@code logprobs} included)
	 * @return the completion
	 */
	public Mono<CreateCompletionResponse> completions(CreateCompletionRequest request) {
		return call(HttpMethod.POST, "completions", request.withStream(false, false), CreateCompletionResponse.class);
	}

	/**
	 * {@code POST completions} streamed, with the rules of
	 * {@link #chatStream(CreateChatCompletionRequest)}.
	 * @param request the request
	 * @return the chunks
	 */
	public Flux<CreateCompletionResponse> completionsStream(CreateCompletionRequest request) {
		return stream("completions", request.streaming() ? request : request.withStream(true, false),
				CreateCompletionResponse.class);
	}

	/**
	 * {@code GET models}.
	 * @return the served models
	 */
	public Mono<ListModelsResponse> models() {
		return call(HttpMethod.GET, "models", null, ListModelsResponse.class);
	}

	/**
	 * {@code POST} to the tokenize endpoint
	 * ({@link OpenAiClientSettings#tokenizePath()}).
	 * @param request the prompt or messages
	 * @return the token ids
	 */
	public Mono<TokenizeResponse> tokenize(TokenizeRequest request) {
		return call(HttpMethod.POST, this.settings.tokenizePath(), request, TokenizeResponse.class);
	}

	private <T> Mono<T> call(HttpMethod method, String path, Object body, Class<T> type) {
		URI uri = this.settings.resolve(path);
		String endpoint = uri.toString();
		return request(method, uri, body, MediaType.APPLICATION_JSON).exchangeToMono((response) -> {
			if (response.statusCode().isError()) {
				return httpError(endpoint, response).flatMap(Mono::error);
			}
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(NO_BODY)
				.map((bytes) -> decode(endpoint, bytes, type));
		}).onErrorMap((failure) -> Failures.map(endpoint, failure, this.settings));
	}

	private <T> Flux<T> stream(String path, Object body, Class<T> type) {
		URI uri = this.settings.resolve(path);
		String endpoint = uri.toString();
		return request(HttpMethod.POST, uri, body, MediaType.TEXT_EVENT_STREAM).exchangeToFlux((response) -> {
			if (response.statusCode().isError()) {
				return httpError(endpoint, response).flatMapMany(Flux::error);
			}
			return StreamEvents.decode(response.bodyToFlux(SSE), endpoint, response.statusCode().value(), type,
					this.json);
		}).onErrorMap((failure) -> Failures.map(endpoint, failure, this.settings));
	}

	private WebClient.RequestHeadersSpec<?> request(HttpMethod method, URI uri, Object body, MediaType accept) {
		WebClient.RequestBodySpec spec = this.web.method(method).uri(uri).accept(accept);
		if (body == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(this.json.writeValueAsBytes(body));
	}

	private Mono<OpenAiClientException> httpError(String endpoint, ClientResponse response) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(NO_BODY)
			.map((bytes) -> new OpenAiClientException(endpoint, response.statusCode().value(), ErrorBodies.parse(bytes),
					ErrorBodies.retryAfter(response.headers().asHttpHeaders()), false));
	}

	private <T> T decode(String endpoint, byte[] bytes, Class<T> type) {
		if (bytes.length == 0) {
			throw new OpenAiProtocolException(endpoint, "empty response body", null);
		}
		try {
			return this.json.readValue(bytes, type);
		}
		catch (JacksonException ex) {
			throw new OpenAiProtocolException(endpoint,
					"response is not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
