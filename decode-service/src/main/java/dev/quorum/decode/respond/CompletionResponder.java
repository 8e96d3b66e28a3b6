// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.respond;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.tokenizer.Tokenizer;
import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.completions.CreateCompletionResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Engine events of one or more prompts to a legacy text completion. Prompt {@code p}'s
 * choice {@code c} has index {@code p * n + c}, as OpenAI numbers them; usage sums over
 * prompts.
 *
 * @param id the completion id ({@code cmpl-...})
 * @param created Unix seconds
 * @param model the model name to report
 * @param tokenizer to spell tokens in logprobs
 * @param logprobs alternatives per position (0 to 5), or null when not asked for
 * @param n choices per prompt (with branching: the most branches; untaken ones are left
 * out)
 */
public record CompletionResponder(String id, long created, String model, Tokenizer tokenizer, Integer logprobs, int n) {

	/**
	 * Collects the whole completion.
	 * @param runs the events of each prompt's engine request, in prompt order
	 * @return the response
	 */
	public Mono<CreateCompletionResponse> collect(List<Flux<GenerationEvent>> runs) {
		List<Mono<Run>> collected = new ArrayList<>();
		for (int p = 0; p < runs.size(); p++) {
			collected.add(collectRun(runs.get(p)));
		}
		return Flux.mergeSequential(collected).collectList().map((all) -> {
			List<CreateCompletionResponse.Choice> choices = new ArrayList<>();
			int prompt = 0;
			int completion = 0;
			int cached = 0;
			for (int p = 0; p < all.size(); p++) {
				Run run = all.get(p);
				for (int c = 0; c < this.n; c++) {
					if (run.reasons[c] == null && run.texts[c].isEmpty()) {
						continue; // a branch that was not taken (below the first-token
									// floor)
					}
					choices.add(CreateCompletionResponse.Choice.of(p * this.n + c, run.texts[c].toString(),
							(this.logprobs != null) ? run.logprobs.get(c).build() : null, run.reasons[c]));
				}
				prompt += run.usage.promptTokens();
				completion += run.usage.completionTokens();
				cached += run.usage.cachedPromptTokens();
			}
			return CreateCompletionResponse.of(this.id, this.created, this.model, choices,
					CompletionUsage.of(prompt, completion, cached, null));
		});
	}

	private Mono<Run> collectRun(Flux<GenerationEvent> events) {
		Run run = new Run(this.n);
		return events.handle((event, sink) -> {
			switch (event) {
				case GenerationEvent.Token t -> {
					run.texts[t.choice()].append(t.text());
					if (this.logprobs != null && t.logprobs() != null) {
						run.logprobs.get(t.choice()).add(this.tokenizer, t, this.logprobs);
					}
				}
				case GenerationEvent.ChoiceFinished f -> {
					run.texts[f.choice()].append(f.text());
					run.reasons[f.choice()] = finish(f.reason());
				}
				case GenerationEvent.Completed c -> {
					Choices.check(c);
					run.usage = c.usage();
					sink.next(run);
				}
			}
		}).cast(Run.class).next();
	}

	/**
	 * The chunk stream of one or more prompts (chunks of different prompts interleave;
	 * each carries its choice's index).
	 * @param runs the events of each prompt's engine request, in prompt order
	 * @param includeUsage whether to end with the usage chunk (summed over prompts)
	 * @return chunks
	 */
	public Flux<CreateCompletionResponse> stream(List<Flux<GenerationEvent>> runs, boolean includeUsage) {
		AtomicIntegerArray usage = new AtomicIntegerArray(3);
		List<Flux<CreateCompletionResponse>> parts = new ArrayList<>();
		for (int p = 0; p < runs.size(); p++) {
			parts.add(streamRun(runs.get(p), p * this.n, usage));
		}
		Flux<CreateCompletionResponse> chunks = Flux.merge(parts);
		if (!includeUsage) {
			return chunks;
		}
		return chunks.concatWith(Mono.fromSupplier(() -> CreateCompletionResponse.of(this.id, this.created, this.model,
				List.of(), CompletionUsage.of(usage.get(0), usage.get(1), usage.get(2), null))));
	}

	private Flux<CreateCompletionResponse> streamRun(Flux<GenerationEvent> events, int base, AtomicIntegerArray usage) {
		int[] offsets = new int[this.n];
		return events.handle((event, sink) -> {
			switch (event) {
				case GenerationEvent.Token t -> {
					CreateCompletionResponse.Logprobs lp = null;
					if (this.logprobs != null && t.logprobs() != null) {
						LogprobsBuilder one = new LogprobsBuilder();
						one.offset = offsets[t.choice()];
						one.add(this.tokenizer, t, this.logprobs);
						lp = one.build();
					}
					offsets[t.choice()] += t.text().length();
					if (!t.text().isEmpty() || lp != null) {
						sink.next(chunk(CreateCompletionResponse.Choice.of(base + t.choice(), t.text(), lp, null)));
					}
				}
				case GenerationEvent.ChoiceFinished f -> sink.next(chunk(
						CreateCompletionResponse.Choice.of(base + f.choice(), f.text(), null, finish(f.reason()))));
				case GenerationEvent.Completed c -> {
					Choices.check(c);
					usage.addAndGet(0, c.usage().promptTokens());
					usage.addAndGet(1, c.usage().completionTokens());
					usage.addAndGet(2, c.usage().cachedPromptTokens());
				}
			}
		});
	}

	private CreateCompletionResponse chunk(CreateCompletionResponse.Choice choice) {
		return CreateCompletionResponse.of(this.id, this.created, this.model, List.of(choice), null);
	}

	private static String finish(FinishReason reason) {
		if (reason == FinishReason.CANCELLED) {
			throw Choices.cancelled();
		}
		return Choices.finishReason(reason);
	}

	/** One prompt's collected choices. */
	private static final class Run {

		final StringBuilder[] texts;

		final String[] reasons;

		final List<LogprobsBuilder> logprobs = new ArrayList<>();

		GenerationEvent.Usage usage;

		Run(int n) {
			this.texts = new StringBuilder[n];
			this.reasons = new String[n];
			for (int i = 0; i < n; i++) {
				this.texts[i] = new StringBuilder();
				this.logprobs.add(new LogprobsBuilder());
			}
		}

	}

	/** The parallel lists of legacy logprobs, with each token's character offset. */
	private static final class LogprobsBuilder {

		final List<String> tokens = new ArrayList<>();

		final List<Double> tokenLogprobs = new ArrayList<>();

		final List<Map<String, Double>> top = new ArrayList<>();

		final List<Integer> offsets = new ArrayList<>();

		int offset;

		void add(Tokenizer tokenizer, GenerationEvent.Token t, int alternatives) {
			this.tokens.add(tokenizer.tokenText(t.tokenId()));
			this.tokenLogprobs.add((double) t.logprobs().logprob());
			this.top.add((alternatives > 0) ? Logprobs.completionTop(tokenizer, t.logprobs()) : null);
			this.offsets.add(this.offset);
			this.offset += t.text().length();
		}

		CreateCompletionResponse.Logprobs build() {
			return new CreateCompletionResponse.Logprobs(this.tokens, this.tokenLogprobs, this.top, this.offsets);
		}

	}

}
