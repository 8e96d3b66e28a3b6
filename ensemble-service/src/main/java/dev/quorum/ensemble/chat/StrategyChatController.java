// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.chat;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.reason.HttpWrites;
import dev.quorum.ensemble.reason.Reasoning;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.parse.ChatCompletionRequests;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.openai.parse.RequestLimits;
import dev.quorum.openai.sse.SseFrames;
import dev.quorum.reasoning.pipeline.ProgressListener;
import dev.quorum.web.request.RequestId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /v1/chat/completions} for strategy models and {@code quorum} objects: any
 * OpenAI client gets the strategies.
 */
@RestController
class StrategyChatController {

	private static final SseFrames frames = SseFrames.create();

	private final Reasoning reasoning;

	private final RequestLimits limits;

	StrategyChatController(Reasoning reasoning, EnsembleProperties properties) {
		this.reasoning = reasoning;
		this.limits = RequestLimits.of(properties.limits().maxN(), properties.limits().maxTokens())
			.withQuorumExtension();
	}

	@PostMapping("/v1/chat/completions")
	Mono<Void> chat(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
		return Mono.defer(() -> {
			CreateChatCompletionRequest request = ChatCompletionRequests.parse(RequestBodies.readTree(body),
					this.limits);
			Reasoning.Call call = StrategyChat.resolve(request, this.reasoning);
			String id = HttpWrites.id("chatcmpl-");
			long created = HttpWrites.now();
			String model = request.model();
			var run = this.reasoning.run(call, ProgressListener.NONE, RequestId.of(exchange), "chat");
			if (!request.streaming()) {
				return run.flatMap((result) -> HttpWrites.json(exchange.getResponse(),
						ChatReplies.completion(id, created, model, call.spec(), result)));
			}
			boolean usage = request.streamOptions() != null
					&& Boolean.TRUE.equals(request.streamOptions().includeUsage());
			Flux<byte[]> stream = Flux
				.concat(Mono.just(ChatReplies.roleChunk(id, created, model)),
						run.flatMapIterable(
								(result) -> ChatReplies.streamTail(id, created, model, call.spec(), result, usage)))
				.onErrorResume((error) -> Mono
					.just(frames.error((error instanceof ApiException api) ? api : new ApiException(500,
							ErrorType.SERVER, "The strategy failed on the server", null, null, null))));
			return HttpWrites.stream(exchange.getResponse(), MediaType.TEXT_EVENT_STREAM, stream);
		});
	}

}
