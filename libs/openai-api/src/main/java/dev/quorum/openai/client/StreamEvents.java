// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.quorum.openai.ErrorResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Turns a backend's SSE events into chunk records, the way OpenAI's SDKs read them:
 * {@code data:} with or without the space (Spring's reader strips either), comments and
 * empty events skipped, {@code [DONE]} ends the stream, and an event named {@code error}
 * or a JSON object with an {@code error} key becomes an error signal.
 */
final class StreamEvents {

	private StreamEvents() {
	}

	static <T> Flux<T> decode(Flux<ServerSentEvent<String>> events, String endpoint, int status, Class<T> type,
			JsonMapper json) {
		return Flux.defer(() -> {
			AtomicBoolean done = new AtomicBoolean();
			return events.takeUntil(StreamEvents::isDone).<T>handle((event, sink) -> {
				if (isDone(event)) {
					done.set(true);
					return;
				}
				String data = event.data();
				boolean errorEvent = "error".equals(event.event());
				if ((data == null || data.isBlank()) && !errorEvent) {
					return;
				}
				JsonNode tree;
				try {
					tree = json.readTree(data);
				}
				catch (JacksonException ex) {
					if (errorEvent) {
						sink.error(new OpenAiClientException(endpoint, status, ErrorResponse.of(data, null, null, null),
								null, true));
						return;
					}
					sink.error(new OpenAiProtocolException(endpoint,
							"stream event is not JSON: " + ex.getOriginalMessage(), ex));
					return;
				}
				JsonNode error = tree.get("error");
				if (errorEvent || (error != null && !error.isNull())) {
					ErrorResponse parsed = ErrorBodies.parse(tree);
					sink.error(new OpenAiClientException(endpoint, status,
							(parsed != null) ? parsed : ErrorResponse.of(data, null, null, null), null, true));
					return;
				}
				try {
					sink.next(json.treeToValue(tree, type));
				}
				catch (JacksonException ex) {
					sink.error(new OpenAiProtocolException(endpoint,
							"stream event is not a valid " + type.getSimpleName() + ": " + ex.getOriginalMessage(),
							ex));
				}
			})
				.concatWith(Mono.defer(() -> done.get() ? Mono.empty() : Mono
					.error(new OpenAiProtocolException(endpoint, "stream ended without data: [DONE]", null))));
		});
	}

	private static boolean isDone(ServerSentEvent<String> event) {
		return event.data() != null && event.data().strip().startsWith("[DONE]");
	}

}
