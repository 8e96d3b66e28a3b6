// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.quorum.web.resilience.CircuitBreakerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ensemble-service under {@code quorum.ensemble}; each one can be set from
 * the environment, e.g. {@code QUORUM_ENSEMBLE_DECODEURI} or
 * {@code QUORUM_ENSEMBLE_BACKENDS_0_BASEURL}.
 *
 * @param decodeUri Base URI of decode-service, which serves the local models.
 * @param verifierUri Base URI of verifier-service.
 * @param localModels The models decode-service serves, with their vote weight, samples
 * and prompts (defaults in {@code application.yml}: the three shipped models).
 * @param local How decode-service is called.
 * @param backends External OpenAI-compatible backends, each one model.
 * @param circuitBreaker The circuit breaker of every model ({@code model-<name>}) and of
 * the verifier ({@code verifier}); what counts as a failure is in {@code BackendCalls}.
 * @param defaults Strategy defaults for what a request leaves out.
 * @param limits Caps on what a request may ask for.
 * @param verifier How verifier-service is called.
 * @param export STaR export of verified samples.
 */
@Validated
@ConfigurationProperties("quorum.ensemble")
public record EnsembleProperties(@NotNull @DefaultValue("http://localhost:8081") URI decodeUri,
		@NotNull @DefaultValue("http://localhost:8083") URI verifierUri, @Valid List<LocalModel> localModels,
		@Valid @DefaultValue Connection local, @Valid List<Backend> backends,
		@Valid @DefaultValue CircuitBreakerSettings circuitBreaker, @Valid @DefaultValue Defaults defaults,
		@Valid @DefaultValue Limits limits, @Valid @DefaultValue Verifier verifier,
		@Valid @DefaultValue Export export) {

	public EnsembleProperties {
		localModels = (localModels != null) ? List.copyOf(localModels) : List.of();
		backends = (backends != null) ? List.copyOf(backends) : List.of();
	}

	/**
	 * A model served by decode-service.
	 *
	 * @param name Its name on decode-service and in strategy names.
	 * @param weight Vote weight of each of its samples in an ensemble.
	 * @param n Samples it contributes to an ensemble by default (0: the request's n).
	 * @param prompts The user message per prompt style.
	 */
	public record LocalModel(@NotBlank String name, @DefaultValue("1.0") @DecimalMin("0.001") double weight,
			@DefaultValue("0") @Min(0) int n, @Valid @DefaultValue Prompts prompts) {
	}

	/**
	 * An external OpenAI-compatible backend (vLLM, SGLang, llama.cpp server, Ollama, a
	 * hosted API, or another Quorum decode-service) serving one model.
	 *
	 * @param id The name requests use for it ({@code ensemble/tiny-reasoner+<id>}); its
	 * circuit breaker is {@code model-<id>}.
	 * @param baseUrl The API root as OpenAI SDKs take it, e.g.
	 * {@code http://vllm:8000/v1}.
	 * @param apiKeyEnv The environment variable holding its API key (none when unset);
	 * the key itself is never configured, logged or returned.
	 * @param model The model name on the backend.
	 * @param weight Vote weight of each of its samples in an ensemble.
	 * @param n Samples it contributes to an ensemble by default (0: the request's n).
	 * @param logprobs Whether it returns token logprobs (needed by CoT-decoding and
	 * greedy confidence).
	 * @param branching Whether it accepts Quorum's {@code quorum_branching} extension
	 * (another Quorum decode-service); otherwise CoT-decoding asks for the first-token
	 * alternatives and continues each one in its own request.
	 * @param tokenizePath The tokenize endpoint relative to the base URL
	 * ({@code tokenize} for Quorum, {@code ../tokenize} for vLLM).
	 * @param maxLogprobs The most alternatives per token it returns on
	 * {@code /v1/completions} (OpenAI: 5).
	 * @param connection How it is called.
	 * @param prompts The user message per prompt style.
	 */
	public record Backend(@NotBlank String id, @NotNull URI baseUrl, String apiKeyEnv, @NotBlank String model,
			@DefaultValue("1.0") @DecimalMin("0.001") double weight, @DefaultValue("0") @Min(0) int n,
			@DefaultValue("true") boolean logprobs, @DefaultValue("false") boolean branching,
			@DefaultValue("tokenize") String tokenizePath, @DefaultValue("5") @Min(1) @Max(20) int maxLogprobs,
			@Valid @DefaultValue Connection connection, @Valid @DefaultValue Prompts prompts) {
	}

	/**
	 * How one backend is called.
	 *
	 * @param connectTimeout Time to open a connection.
	 * @param timeLimit Longest single call; past it the call fails (and counts against
	 * the circuit).
	 * @param maxConcurrentCalls Bulkhead: generations in flight at once; more are refused
	 * at once and left out of the vote.
	 * @param maxBatch Most samples per request ({@code n}); larger batches are split into
	 * parallel requests (1 for backends without {@code n}).
	 */
	public record Connection(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("120s") Duration timeLimit,
			@DefaultValue("32") @Min(1) int maxConcurrentCalls, @DefaultValue("16") @Min(1) int maxBatch) {
	}

	/**
	 * The user message a model gets per prompt style; {@code {q}} is the question. The
	 * defaults fit the shipped models' {@code quorum-qa} chat template, which renders
	 * them byte for byte as the trained prompts ({@code Q: {q}\nLet's think step by
	 * step.\n}, {@code Q: {q}\nAnswer directly.\n}, {@code Q: {q}\nA:\n}).
	 *
	 * @param cot Chain of thought.
	 * @param direct Direct answer.
	 * @param plain The plain question (CoT-decoding's prompt).
	 */
	public record Prompts(@NotBlank @DefaultValue("{q}\nLet's think step by step.") String cot,
			@NotBlank @DefaultValue("{q}\nAnswer directly.") String direct,
			@NotBlank @DefaultValue("{q}") String plain) {
	}

	/**
	 * What a request leaves out. CoT-decoding's k = 2 and floor 0.01 come from the
	 * measured table of {@code models/README.md}: k = 2 scores 63.3% on the 1,000
	 * held-out problems (plain-prompt greedy: 3.2%), k = 3 loses 13 points and k = 10
	 * falls to 15.9%, because the ranks after the second are mis-copied digits; the 0.01
	 * floor restores k = 10 to 62.8% and costs nothing at k = 2 (the step-by-step branch
	 * has median p 0.18).
	 *
	 * @param strategy The strategy.
	 * @param model The model.
	 * @param n Samples for self-consistency, best-of-n and verified-vote.
	 * @param k CoT-decoding branches.
	 * @param cotFloor CoT-decoding first-token probability floor.
	 * @param ensembleN Samples per model for ensemble.
	 * @param temperature Sampling temperature.
	 * @param maxTokens Most tokens per sample.
	 * @param verifierModel The GenRM verifier model for best-of-n and verified-vote.
	 * @param stopRule Adaptive stopping rule: none, lead, beta or dirichlet.
	 * @param minSamples Fewest samples before stopping, and needed at the deadline.
	 * @param waveSize Samples per wave after the first.
	 * @param stopConfidence Threshold of the beta and dirichlet rules.
	 * @param deadline The request deadline.
	 */
	public record Defaults(@DefaultValue("self-consistency") String strategy,
			@DefaultValue("tiny-reasoner") String model, @DefaultValue("8") @Min(1) int n,
			@DefaultValue("2") @Min(1) int k,
			@DefaultValue("0.01") @DecimalMin("0") @DecimalMax("0.99") double cotFloor,
			@DefaultValue("4") @Min(1) int ensembleN, @DefaultValue("0.8") @DecimalMin("0") double temperature,
			@DefaultValue("256") @Min(1) int maxTokens, @DefaultValue("tiny-verifier") String verifierModel,
			@DefaultValue("beta") String stopRule, @DefaultValue("4") @Min(1) int minSamples,
			@DefaultValue("4") @Min(1) int waveSize, @DefaultValue("0.95") double stopConfidence,
			@DefaultValue("30s") Duration deadline) {
	}

	/**
	 * Caps; a request over one gets a 400 naming the field.
	 *
	 * @param maxN Most samples per model.
	 * @param maxK Most CoT-decoding branches.
	 * @param maxModels Most models in an ensemble.
	 * @param maxTokens Largest max_tokens.
	 * @param maxDeadline Longest deadline.
	 * @param maxVerifierK Most GenRM-CoT rationales.
	 * @param maxQuestionChars Longest question, in characters.
	 */
	public record Limits(@DefaultValue("64") @Min(1) int maxN, @DefaultValue("10") @Min(1) int maxK,
			@DefaultValue("8") @Min(1) int maxModels, @DefaultValue("1024") @Min(1) int maxTokens,
			@DefaultValue("120s") Duration maxDeadline, @DefaultValue("8") @Min(1) int maxVerifierK,
			@DefaultValue("16000") @Min(1) int maxQuestionChars) {
	}

	/**
	 * How verifier-service is called.
	 *
	 * @param timeLimit Longest call.
	 * @param connectTimeout Time to open a connection.
	 * @param models Verifier models besides the local models (which verifier-service
	 * serves through decode-service); a request naming another one gets a 404.
	 */
	public record Verifier(@DefaultValue("60s") Duration timeLimit, @DefaultValue("2s") Duration connectTimeout,
			List<String> models) {

		public Verifier {
			models = (models != null) ? List.copyOf(models) : List.of();
		}

	}

	/**
	 * STaR export.
	 *
	 * @param directory Where accepted records are appended as JSONL
	 * ({@code star-<yyyy-mm-dd>.jsonl}); unset: records are only returned.
	 * @param maxQuestions Most questions in one batch export.
	 * @param maxConcurrency Most questions of a batch reasoned at once.
	 */
	public record Export(Path directory, @DefaultValue("1000") @Min(1) int maxQuestions,
			@DefaultValue("8") @Min(1) int maxConcurrency) {
	}

}
