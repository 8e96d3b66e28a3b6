// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.ChatRole;
import dev.quorum.openai.client.OpenAiClient;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import dev.quorum.reasoning.pipeline.Turn;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One model the strategies can ask: a local model of decode-service or an external
 * backend.
 *
 * @param name the name requests use
 * @param backendModel the model name on the backend
 * @param client the backend's client
 * @param capabilities what the backend can do
 * @param weight default vote weight per sample in an ensemble
 * @param n default samples in an ensemble (0: the request's)
 * @param calls its circuit breaker, time limit, bulkhead and metrics
 */
record ModelEndpoint(String name, String backendModel, OpenAiClient client, Capabilities capabilities, double weight,
		int n, BackendCalls calls) {

	/** Reactor context key of the request id, read by the clients' header filter. */
	static final String REQUEST_ID = "quorum.request-id";

	/**
	 * The conversation a generation sends: the earlier turns as they came, then the
	 * rendered prompt as the last user message.
	 * @param request the generation
	 * @return the messages
	 */
	static List<ChatCompletionRequestMessage> messages(GenerationRequest request) {
		List<ChatCompletionRequestMessage> messages = new ArrayList<>(request.history().size() + 1);
		for (Turn turn : request.history()) {
			ChatRole role = ChatRole.fromWireName(turn.role());
			messages.add(ChatCompletionRequestMessage.of((role != null) ? role : ChatRole.USER, turn.content()));
		}
		messages.add(ChatCompletionRequestMessage.user(request.prompt()));
		return messages;
	}

	/**
	 * Carries the request id to the backend call.
	 * @param call the call
	 * @param scope the request's scope
	 * @return the call with the id in its context
	 */
	static <T> Mono<T> withRequestId(Mono<T> call, RequestScope scope) {
		return (scope.requestId() != null) ? call.contextWrite(Context.of(REQUEST_ID, scope.requestId())) : call;
	}

}
