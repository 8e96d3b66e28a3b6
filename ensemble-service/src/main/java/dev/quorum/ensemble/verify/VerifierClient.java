// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.Verifier;
import dev.quorum.reasoning.verify.VerifierScore;
import dev.quorum.web.request.RequestId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Scores candidates through verifier-service: {@code POST /v1/verify} with
 * {@code {"question","candidates":[texts],"method","model"[,"k"]}}, answered by
 * {@code {"scores":[{"index","score","signal",...}]}}. A score that is null, missing, or
 * marked {@code "signal": "no_signal"} means "no signal" (weight 0 in a verified vote).
 * Every call runs under the {@code verifier} circuit breaker and the time limit; a
 * failure makes the strategy fall back and report it.
 */
public final class VerifierClient {

	private final WebClient web;

	private final CircuitBreaker breaker;

	private final java.time.Duration timeLimit;

	/**
	 * A client.
	 * @param web a client with verifier-service as its base URL
	 * @param breaker the {@code verifier} circuit breaker
	 * @param timeLimit the longest call
	 */
	public VerifierClient(WebClient web, CircuitBreaker breaker, java.time.Duration timeLimit) {
		this.web = web;
		this.breaker = breaker;
		this.timeLimit = timeLimit;
	}

	/**
	 * A verifier for one request.
	 * @param spec the method, model and k
	 * @param requestId the request id to pass on, or null
	 * @return the verifier
	 */
	public Verifier verifier(VerifierSpec spec, String requestId) {
		return (question, solutions) -> call(spec, question, solutions, requestId).toFuture();
	}

	private Mono<List<VerifierScore>> call(VerifierSpec spec, String question, List<String> solutions,
			String requestId) {
		Integer k = (spec.method() == VerifierMethod.GENRM_COT) ? spec.k() : null;
		VerifyRequest body = new VerifyRequest(question, solutions, spec.method().wireName(), spec.model(), k);
		return this.web.post().uri("/v1/verify").contentType(MediaType.APPLICATION_JSON).headers((h) -> {
			if (requestId != null) {
				h.set(RequestId.HEADER, requestId);
			}
		})
			.bodyValue(body)
			.retrieve()
			.bodyToMono(VerifyResponse.class)
			.timeout(this.timeLimit,
					Mono.error(() -> new TimeoutException(
							"verifier-service did not answer within " + this.timeLimit.toMillis() + " ms")))
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.map((response) -> scores(response, solutions.size()));
	}

	static List<VerifierScore> scores(VerifyResponse response, int count) {
		if (response == null || response.scores() == null) {
			throw new IllegalStateException("verifier-service answered without scores");
		}
		VerifierScore[] scores = new VerifierScore[count];
		Arrays.fill(scores, VerifierScore.NO_SIGNAL);
		for (int i = 0; i < response.scores().size(); i++) {
			Score s = response.scores().get(i);
			int index = (s.index() != null) ? s.index() : i;
			if (index < 0 || index >= count) {
				throw new IllegalStateException("verifier-service scored candidate " + index + " of " + count);
			}
			boolean signal = s.score() != null && !s.score().isNaN() && s.hasSignal();
			if (signal && (s.score() < 0 || s.score() > 1)) {
				throw new IllegalStateException("verifier-service gave a score outside [0, 1]: " + s.score());
			}
			scores[index] = signal ? VerifierScore.of(s.score()) : VerifierScore.NO_SIGNAL;
		}
		return new ArrayList<>(Arrays.asList(scores));
	}

	/**
	 * The request body.
	 *
	 * @param question the question
	 * @param candidates the solutions
	 * @param method {@code genrm} or {@code genrm-cot}
	 * @param model the verifier model
	 * @param k GenRM-CoT rationales, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record VerifyRequest(@JsonProperty("question") String question, @JsonProperty("candidates") List<String> candidates,
			@JsonProperty("method") String method, @JsonProperty("model") String model, @JsonProperty("k") Integer k) {
	}

	/**
	 * The reply; other fields are ignored.
	 *
	 * @param scores one per candidate
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record VerifyResponse(@JsonProperty("scores") List<Score> scores) {
	}

	/**
	 * One candidate's score.
	 *
	 * @param index the candidate's position, or null (then the list order)
	 * @param score p(Yes)-style score in [0, 1], or null for no signal
	 * @param signal {@code "ok"}, or {@code "no_signal"} (also {@code false}) when the
	 * verifier had none; absent means ok
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Score(@JsonProperty("index") Integer index, @JsonProperty("score") Double score,
			@JsonProperty("signal") JsonNode signal) {

		boolean hasSignal() {
			if (this.signal == null || this.signal.isNull()) {
				return true;
			}
			return this.signal.isBoolean() ? this.signal.booleanValue() : "ok".equals(this.signal.asString());
		}

	}

}
