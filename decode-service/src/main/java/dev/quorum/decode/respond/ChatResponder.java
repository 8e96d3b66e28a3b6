// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.respond;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.tokenizer.Tokenizer;
import dev.quorum.openai.chat.ChatCompletionLogprobs;
import dev.quorum.openai.chat.ChatCompletionTokenLogprob;
import dev.quorum.openai.chat.CreateChatCompletionResponse;
import dev.quorum.openai.chat.CreateChatCompletionStreamResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Engine events to a chat completion: one response, or the chunk stream OpenAI sends (a
 * role chunk per choice, content chunks as tokens come, a finish chunk per choice, then
 * the usage chunk when asked for). Choice indexes are the engine's choice numbers.
 *
 * @param id the completion id ({@code chatcmpl-...}), the same on every chunk
 * @param created Unix seconds, the same on every chunk
 * @param model the model name to report
 * @param tokenizer to spell tokens in logprobs
 * @param logprobs whether logprobs were asked for
 * @param n number of choices
 */
public record ChatResponder(String id, long created, String model, Tokenizer tokenizer, boolean logprobs, int n) {

	/**
	 * Collects the whole completion.
	 * @param events the engine's events
	 * @return the response
	 */
	public Mono<CreateChatCompletionResponse> collect(Flux<GenerationEvent> events) {
		List<List<ChatCompletionTokenLogprob>> lps = new ArrayList<>();
		StringBuilder[] texts = new StringBuilder[this.n];
		String[] reasons = new String[this.n];
		for (int i = 0; i < this.n; i++) {
			lps.add(new ArrayList<>());
			texts[i] = new StringBuilder();
		}
		return events.handle((event, sink) -> {
			switch (event) {
				case GenerationEvent.Token t -> {
					texts[t.choice()].append(t.text());
					if (this.logprobs && t.logprobs() != null) {
						lps.get(t.choice()).add(Logprobs.chat(this.tokenizer, t.logprobs()));
					}
				}
				case GenerationEvent.ChoiceFinished f -> {
					texts[f.choice()].append(f.text());
					reasons[f.choice()] = finish(f.reason());
				}
				case GenerationEvent.Completed c -> {
					Choices.check(c);
					List<CreateChatCompletionResponse.Choice> choices = new ArrayList<>();
					for (int i = 0; i < this.n; i++) {
						choices.add(CreateChatCompletionResponse.Choice.of(i, texts[i].toString(),
								this.logprobs ? ChatCompletionLogprobs.of(lps.get(i)) : null, reasons[i]));
					}
					sink.next(CreateChatCompletionResponse.of(this.id, this.created, this.model, choices,
							Choices.usage(c)));
				}
				default -> {
				}
			}
		}).cast(CreateChatCompletionResponse.class).next();
	}

	/**
	 * The chunk stream.
	 * @param events the engine's events
	 * @param includeUsage whether to end with the usage chunk
	 * @return chunks; an engine failure ends it with an error
	 */
	public Flux<CreateChatCompletionStreamResponse> stream(Flux<GenerationEvent> events, boolean includeUsage) {
		Flux<CreateChatCompletionStreamResponse> starts = Flux.range(0, this.n)
			.map((i) -> chunk(CreateChatCompletionStreamResponse.Choice.start(i)));
		Flux<CreateChatCompletionStreamResponse> body = events.handle((event, sink) -> {
			switch (event) {
				case GenerationEvent.Token t -> {
					boolean hasLogprobs = this.logprobs && t.logprobs() != null;
					if (!t.text().isEmpty() || hasLogprobs) {
						ChatCompletionLogprobs lp = hasLogprobs
								? ChatCompletionLogprobs.of(List.of(Logprobs.chat(this.tokenizer, t.logprobs())))
								: null;
						sink.next(chunk(CreateChatCompletionStreamResponse.Choice.content(t.choice(), t.text(), lp)));
					}
				}
				case GenerationEvent.ChoiceFinished f -> {
					if (!f.text().isEmpty()) {
						sink.next(chunk(CreateChatCompletionStreamResponse.Choice.content(f.choice(), f.text(), null)));
					}
					sink.next(chunk(CreateChatCompletionStreamResponse.Choice.finish(f.choice(), finish(f.reason()))));
				}
				case GenerationEvent.Completed c -> {
					Choices.check(c);
					if (includeUsage) {
						sink.next(CreateChatCompletionStreamResponse.usage(this.id, this.created, this.model,
								Choices.usage(c)));
					}
				}
			}
		});
		return starts.concatWith(body);
	}

	private CreateChatCompletionStreamResponse chunk(CreateChatCompletionStreamResponse.Choice choice) {
		return CreateChatCompletionStreamResponse.of(this.id, this.created, this.model, List.of(choice));
	}

	private static String finish(FinishReason reason) {
		if (reason == FinishReason.CANCELLED) {
			throw Choices.cancelled();
		}
		return Choices.finishReason(reason);
	}

}
