// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import java.net.URI;
import java.time.Duration;

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
 * Settings of verifier-service under {@code quorum.verifier}; each one can be set from
 * the environment, e.g. {@code QUORUM_VERIFIER_DECODEURI} or
 * {@code QUORUM_VERIFIER_LIMITS_MAXCANDIDATES}.
 *
 * @param decodeUri Base URI of decode-service (or of any OpenAI-compatible server that
 * serves the verifier model with {@code /v1/completions} and {@code logprobs}).
 * @param model Verifier model id used when a request names none.
 * @param decode How the backend is called: timeouts, batching, circuit breaker.
 * @param limits Caps on what one request may ask for.
 * @param cot GenRM-CoT defaults (verification rationales).
 */
@Validated
@ConfigurationProperties("quorum.verifier")
public record VerifierProperties(
		/** Base URI of decode-service, which serves the verifier model. */
		@NotNull @DefaultValue("http://localhost:8081") URI decodeUri,

		/** Verifier model id used when a request names none. */
		@NotBlank @DefaultValue("tiny-verifier") String model,

		/** How the backend is called. */
		@Valid @DefaultValue Decode decode,

		/** Caps on one request. */
		@Valid @DefaultValue Limits limits,

		/** GenRM-CoT defaults. */
		@Valid @DefaultValue Cot cot) {

	/**
	 * The backend call, behind the {@code decode} circuit breaker and time limit.
	 *
	 * @param apiKey Bearer key for an external backend; empty for Quorum's own
	 * decode-service.
	 * @param connectTimeout Longest wait to open a connection.
	 * @param responseTimeout Longest silence of the backend (before headers or between
	 * reads).
	 * @param timeLimit Longest one backend call may take in all; past it the request
	 * fails with 504.
	 * @param promptsPerCall Prompts sent in one {@code /v1/completions} call
	 * (decode-service accepts up to 16); calls of one request run in parallel.
	 * @param concurrency Backend calls of one request in flight at once.
	 * @param topLogprobs Alternatives asked for at the verdict position (0..5 on
	 * {@code /v1/completions}); "Yes" and "No" must be among them to count.
	 * @param circuitBreaker When to stop calling a failing backend. Connection failures,
	 * timeouts, 5xx/429 answers and malformed bodies count as failures; the backend's 4xx
	 * answers (an unknown model, a prompt too long) do not.
	 */
	public record Decode(
			/** Bearer key for an external backend; empty for decode-service. */
			@DefaultValue("") String apiKey,

			/** Longest wait to open a connection. */
			@DefaultValue("2s") Duration connectTimeout,

			/** Longest silence of the backend. */
			@DefaultValue("60s") Duration responseTimeout,

			/** Longest one backend call may take in all (then 504). */
			@DefaultValue("60s") Duration timeLimit,

			/** Prompts per /v1/completions call. */
			@DefaultValue("16") @Min(1) @Max(128) int promptsPerCall,

			/** Backend calls of one request in flight at once. */
			@DefaultValue("4") @Min(1) @Max(64) int concurrency,

			/** Alternatives asked for at the verdict position. */
			@DefaultValue("5") @Min(1) @Max(20) int topLogprobs,

			/** When to stop calling a failing backend. */
			@Valid @DefaultValue CircuitBreakerSettings circuitBreaker) {
	}

	/**
	 * Request caps; going over one is a 400 naming the field.
	 *
	 * @param maxCandidates Most candidates in one {@code /v1/verify} request.
	 * @param maxRewardSamples Most samples in one {@code /v1/rewards} request.
	 * @param maxQuestionChars Longest question (and reward prompt), in characters.
	 * @param maxSolutionChars Longest candidate solution (and reward query), in
	 * characters.
	 * @param maxK Most GenRM-CoT rationales per candidate (decode-service accepts
	 * {@code n} up to 16).
	 */
	public record Limits(
			/** Most candidates in one /v1/verify request. */
			@DefaultValue("64") @Min(1) int maxCandidates,

			/** Most samples in one /v1/rewards request. */
			@DefaultValue("256") @Min(1) int maxRewardSamples,

			/** Longest question, in characters. */
			@DefaultValue("8000") @Min(1) int maxQuestionChars,

			/** Longest candidate solution, in characters. */
			@DefaultValue("16000") @Min(1) int maxSolutionChars,

			/** Most GenRM-CoT rationales per candidate. */
			@DefaultValue("16") @Min(1) @Max(128) int maxK) {
	}

	/**
	 * GenRM-CoT: K sampled verification rationales, each followed by the verdict
	 * question; the score is the mean of their verdicts.
	 *
	 * @param k Rationales per candidate when the request gives no {@code k}.
	 * @param temperature Sampling temperature of the rationales when the request gives
	 * none.
	 * @param maxTokens Longest rationale, in tokens.
	 * @param instruction The line written after the solution that asks for a rationale
	 * (the paper's "Let's verify step by step.").
	 */
	public record Cot(
			/** Rationales per candidate by default. */
			@DefaultValue("4") @Min(1) int k,

			/** Sampling temperature of the rationales by default. */
			@DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("2.0") double temperature,

			/** Longest rationale, in tokens. */
			@DefaultValue("256") @Min(1) int maxTokens,

			/** The line after the solution that asks for a rationale. */
			@NotBlank @DefaultValue("Let's verify step by step.") String instruction) {
	}

}
