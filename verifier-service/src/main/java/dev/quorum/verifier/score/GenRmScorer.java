// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.backend.CompletionBackend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GenRM over an OpenAI-compatible {@code /v1/completions} backend.
 * <p>
 * <b>Verdicts</b>: each verdict prompt is completed with {@code max_tokens: 1},
 * {@code temperature: 0} and {@code logprobs} (the top alternatives of the next token);
 * prompts go {@code promptsPerCall} to a call as a prompt array, and the calls of one
 * request run in parallel ({@code concurrency} at once), so candidates that share the
 * question's prefix are prefilled together and hit decode-service's prefix cache.
 * <p>
 * <b>Rationales</b> (GenRM-CoT): {@code n = k} samples per rationale prompt in one call
 * (the samples share one prefill), cut before any verdict line the model writes itself;
 * then one verdict per rationale.
 */
public final class GenRmScorer {

	private final CompletionBackend backend;

	private final VerifierProperties.Decode decode;

	private final VerifierProperties.Cot cot;

	/**
	 * A scorer.
	 * @param backend the verifier model's backend
	 * @param properties batching and GenRM-CoT settings
	 */
	public GenRmScorer(CompletionBackend backend, VerifierProperties properties) {
		this.backend = backend;
		this.decode = properties.decode();
		this.cot = properties.cot();
	}

	/**
	 * Direct GenRM: one verdict per (question, solution).
	 * @param model the verifier model
	 * @param questions the questions, one per solution
	 * @param solutions the solutions
	 * @return the verdicts in order, and the tokens spent
	 */
	Mono<Spent<List<Verdict>>> direct(String model, List<String> questions, List<String> solutions) {
		List<String> prompts = new ArrayList<>(solutions.size());
		for (int i = 0; i < solutions.size(); i++) {
			prompts.add(GenRmPrompts.direct(questions.get(i), solutions.get(i)));
		}
		return verdicts(model, prompts);
	}

	/**
	 * GenRM-CoT: {@code k} sampled rationales per solution, each followed by a verdict.
	 * @param model the verifier model
	 * @param question the question
	 * @param solutions the solutions
	 * @param sampling k, temperature and seed
	 * @return per solution its k rationales in sample order, and the tokens spent
	 */
	Mono<Spent<List<List<Rationale>>>> cot(String model, String question, List<String> solutions,
			CotSampling sampling) {
		String instruction = this.cot.instruction();
		List<String> prompts = solutions.stream()
			.map((solution) -> GenRmPrompts.rationale(question, solution, instruction))
			.toList();
		Shape shape = new Shape(this.cot.maxTokens(), sampling.k(), sampling.temperature(), sampling.seed(),
				List.of(GenRmPrompts.RATIONALE_STOP), null);
		return complete(model, prompts, shape, (choice) -> (choice.text() != null) ? choice.text().stripTrailing() : "")
			.flatMap((texts) -> {
				List<String> verdictPrompts = new ArrayList<>(texts.value().size());
				for (int i = 0; i < texts.value().size(); i++) {
					String solution = solutions.get(i / sampling.k());
					verdictPrompts.add(GenRmPrompts.verdict(question, solution, instruction, texts.value().get(i)));
				}
				return verdicts(model, verdictPrompts).map((verdicts) -> {
					List<List<Rationale>> perSolution = new ArrayList<>(solutions.size());
					for (int s = 0; s < solutions.size(); s++) {
						List<Rationale> rationales = new ArrayList<>(sampling.k());
						for (int j = 0; j < sampling.k(); j++) {
							int i = s * sampling.k() + j;
							rationales.add(new Rationale(texts.value().get(i), verdicts.value().get(i)));
						}
						perSolution.add(rationales);
					}
					return new Spent<>(perSolution, texts.usage().plus(verdicts.usage()));
				});
			});
	}

	private Mono<Spent<List<Verdict>>> verdicts(String model, List<String> prompts) {
		Shape shape = new Shape(1, 1, 0.0, null, null, this.decode.topLogprobs());
		return complete(model, prompts, shape, Verdicts::of);
	}

	/**
	 * Completes prompts in calls of {@code promptsPerCall}, in parallel, and reads each
	 * choice; the results come back in prompt order, {@code n} per prompt.
	 */
	private <T> Mono<Spent<List<T>>> complete(String model, List<String> prompts, Shape shape,
			Function<CreateCompletionResponse.Choice, T> read) {
		List<List<String>> calls = new ArrayList<>();
		for (int from = 0; from < prompts.size(); from += this.decode.promptsPerCall()) {
			calls.add(prompts.subList(from, Math.min(prompts.size(), from + this.decode.promptsPerCall())));
		}
		return Flux.fromIterable(calls)
			.flatMapSequential((batch) -> this.backend.complete(shape.request(model, batch))
				.map((response) -> read(response, batch.size() * shape.n(), read)), this.decode.concurrency())
			.collectList()
			.map((parts) -> {
				List<T> values = new ArrayList<>(prompts.size() * shape.n());
				Usage usage = Usage.NONE;
				for (Spent<List<T>> part : parts) {
					values.addAll(part.value());
					usage = usage.plus(part.usage());
				}
				return new Spent<>(List.copyOf(values), usage);
			});
	}

	private static <T> Spent<List<T>> read(CreateCompletionResponse response, int expected,
			Function<CreateCompletionResponse.Choice, T> read) {
		List<CreateCompletionResponse.Choice> choices = response.choices()
			.stream()
			.sorted(Comparator.comparingInt(CreateCompletionResponse.Choice::index))
			.toList();
		for (int i = 0; i < choices.size(); i++) {
			if (choices.get(i).index() != i) {
				choices = null;
				break;
			}
		}
		if (choices == null || choices.size() != expected) {
			throw ApiException.unavailable("The verifier backend (decode) answered " + response.choices().size()
					+ " choices with indexes other than 0.." + (expected - 1) + " for " + expected + " expected", null);
		}
		return new Spent<>(choices.stream().map(read).toList(), Usage.of(response.usage()));
	}

	/**
	 * What every call of one phase asks for.
	 *
	 * @param maxTokens tokens per choice
	 * @param n choices per prompt
	 * @param temperature sampling temperature
	 * @param seed sampling seed, or null
	 * @param stop stop strings, or null
	 * @param logprobs alternatives per token, or null for none
	 */
	private record Shape(int maxTokens, int n, double temperature, Long seed, List<String> stop, Integer logprobs) {

		CreateCompletionRequest request(String model, List<String> prompts) {
			return new CreateCompletionRequest(model, CompletionPrompt.ofTexts(prompts), this.maxTokens,
					this.temperature, null, (this.n > 1) ? this.n : null, null, null, this.stop, this.seed,
					this.logprobs, null, null, null);
		}

	}

}
