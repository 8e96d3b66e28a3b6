// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.decode.DecodeProperties;
import dev.quorum.decode.generate.Pipeline;
import dev.quorum.decode.generate.Sampling;
import dev.quorum.decode.respond.CompletionResponder;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.parse.CompletionRequests;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.openai.parse.RequestLimits;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import dev.quorum.web.request.RequestId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /v1/completions}: raw prompts (text, or token ids as external CoT-decoding
 * needs), one or several, each generating {@code n} choices.
 */
@RestController
class CompletionsController {

	private final ModelRegistry models;

	private final Pipeline pipeline;

	private final Scheduler cpu;

	private final DecodeProperties.Limits limits;

	CompletionsController(ModelRegistry models, Pipeline pipeline, Scheduler cpuScheduler,
			DecodeProperties properties) {
		this.models = models;
		this.pipeline = pipeline;
		this.cpu = cpuScheduler;
		this.limits = properties.limits();
	}

	@PostMapping("/v1/completions")
	Mono<Void> complete(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
		long start = System.nanoTime();
		String requestId = RequestId.of(exchange);
		return Mono.fromCallable(() -> prepare(body)).subscribeOn(this.cpu).flatMap((prepared) -> {
			CreateCompletionRequest request = prepared.request();
			GenerationRequest.Branching branching = (request.branching() != null) ? new GenerationRequest.Branching(
					request.branching().k(), (request.branching().minProbability() != null)
							? request.branching().minProbability().floatValue() : 0f)
					: null;
			int n = (branching != null) ? branching.k() : ((request.n() != null) ? request.n() : 1);
			CompletionResponder responder = new CompletionResponder(Responses.id("cmpl-"), Responses.now(),
					request.model(), prepared.model().tokenizer(), request.logprobs(), n);
			List<Mono<Pipeline.Run>> runs = new ArrayList<>();
			for (int p = 0; p < prepared.prompts().size(); p++) {
				runs.add(this.pipeline.generate(prepared.model(), prepared.prompts().get(p), prepared.sampling().get(p),
						(branching != null) ? 1 : n, branching, requestId, start));
			}
			return Flux.concat(runs).collectList().flatMap((started) -> {
				List<Flux<GenerationEvent>> events = started.stream().map(Pipeline.Run::events).toList();
				if (Boolean.TRUE.equals(request.stream())) {
					boolean usage = request.streamOptions() != null
							&& Boolean.TRUE.equals(request.streamOptions().includeUsage());
					return Responses.sse(exchange.getResponse(), responder.stream(events, usage));
				}
				return responder.collect(events)
					.flatMap((response) -> Responses.json(exchange.getResponse(), response, null));
			});
		});
	}

	private Prepared prepare(byte[] body) {
		CreateCompletionRequest request = CompletionRequests.parse(RequestBodies.readTree(body),
				RequestLimits.of(this.limits.maxN(), this.limits.maxTokens()).withBranching());
		ServedModel model = this.models.get(request.model());
		CompletionPrompt prompt = request.prompt();
		if (prompt.count() > this.limits.maxPrompts()) {
			throw ApiException.invalidRequest("prompt", "prompt holds " + prompt.count() + " prompts; at most "
					+ this.limits.maxPrompts() + " are accepted");
		}
		List<int[]> prompts = new ArrayList<>();
		if (prompt.tokenized()) {
			int vocab = model.tokenizer().vocabSize();
			for (int[] ids : prompt.tokenIds()) {
				for (int id : ids) {
					if (id < 0 || id >= vocab) {
						throw ApiException.invalidRequest("prompt",
								"token id " + id + " is outside the vocabulary [0, " + vocab + ")");
					}
				}
				prompts.add(ids);
			}
		}
		else {
			for (String text : prompt.texts()) {
				prompts.add(model.tokenizer().encode(text, true, true));
			}
		}
		int top = (request.logprobs() != null) ? request.logprobs() : 0;
		List<SamplingParams> sampling = new ArrayList<>();
		for (int[] ids : prompts) {
			if (ids.length == 0) {
				throw ApiException.invalidRequest("prompt", "a prompt must hold at least one token");
			}
			// Legacy completions default to 16 tokens (fewer if the context has less
			// room), as OpenAI's do.
			int room = model.contextLength() - ids.length;
			Integer max = (request.maxTokens() != null) ? request.maxTokens()
					: ((room > 0) ? Math.min(Math.min(16, this.limits.maxTokens()), room) : null);
			sampling.add(Sampling.of(model, ids.length, max, this.limits.maxTokens(), request.temperature(),
					request.topP(), request.topK(), request.minP(), request.seed(), request.stop(),
					request.logprobs() != null, top));
		}
		return new Prepared(request, model, prompts, sampling);
	}

	private record Prepared(CreateCompletionRequest request, ServedModel model, List<int[]> prompts,
			List<SamplingParams> sampling) {
	}

}
