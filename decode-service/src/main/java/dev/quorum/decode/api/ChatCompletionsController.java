// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.util.List;

import dev.quorum.decode.DecodeProperties;
import dev.quorum.decode.generate.Pipeline;
import dev.quorum.decode.generate.Sampling;
import dev.quorum.decode.respond.ChatResponder;
import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.parse.ChatCompletionRequests;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.openai.parse.RequestLimits;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import dev.quorum.web.request.RequestId;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /v1/chat/completions}: render the messages with the model's chat template,
 * tokenise, and generate — one response, or an SSE stream when {@code stream} is true.
 */
@RestController
class ChatCompletionsController {

	private final ModelRegistry models;

	private final Pipeline pipeline;

	private final Scheduler cpu;

	private final DecodeProperties.Limits limits;

	ChatCompletionsController(ModelRegistry models, Pipeline pipeline, Scheduler cpuScheduler,
			DecodeProperties properties) {
		this.models = models;
		this.pipeline = pipeline;
		this.cpu = cpuScheduler;
		this.limits = properties.limits();
	}

	@PostMapping("/v1/chat/completions")
	Mono<Void> chat(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
		long start = System.nanoTime();
		String requestId = RequestId.of(exchange);
		return Mono.fromCallable(() -> prepare(body)).subscribeOn(this.cpu).flatMap((prepared) -> {
			CreateChatCompletionRequest request = prepared.request();
			int n = (request.n() != null) ? request.n() : 1;
			boolean logprobs = Boolean.TRUE.equals(request.logprobs());
			ChatResponder responder = new ChatResponder(Responses.id("chatcmpl-"), Responses.now(), request.model(),
					prepared.model().tokenizer(), logprobs, n);
			return this.pipeline
				.generate(prepared.model(), prepared.prompt(), prepared.sampling(), n, null, requestId, start)
				.flatMap((run) -> {
					if (request.streaming()) {
						boolean usage = request.streamOptions() != null
								&& Boolean.TRUE.equals(request.streamOptions().includeUsage());
						return Responses.sse(exchange.getResponse(), responder.stream(run.events(), usage));
					}
					return responder.collect(run.events())
						.flatMap((response) -> Responses.json(exchange.getResponse(), response, run.serverTiming()));
				});
		});
	}

	private Prepared prepare(byte[] body) {
		CreateChatCompletionRequest request = ChatCompletionRequests.parse(RequestBodies.readTree(body),
				RequestLimits.of(this.limits.maxN(), this.limits.maxTokens()));
		ServedModel model = this.models.get(request.model());
		List<ChatMessage> messages = request.messages()
			.stream()
			.map((m) -> new ChatMessage(m.role().wireName(), m.text()))
			.toList();
		String text;
		try {
			text = model.chatTemplate().render(messages, true);
		}
		catch (IllegalArgumentException ex) {
			throw dev.quorum.openai.ApiException.invalidRequest("messages", ex.getMessage());
		}
		int[] prompt = model.tokenizer().encode(text, true, true);
		int top = (request.topLogprobs() != null) ? request.topLogprobs() : 0;
		SamplingParams sampling = Sampling.of(model, prompt.length, request.maxTokensLimit(), this.limits.maxTokens(),
				request.temperature(), request.topP(), request.topK(), request.minP(), request.seed(), request.stop(),
				Boolean.TRUE.equals(request.logprobs()), top);
		return new Prepared(request, model, prompt, sampling);
	}

	private record Prepared(CreateChatCompletionRequest request, ServedModel model, int[] prompt,
			SamplingParams sampling) {
	}

}
