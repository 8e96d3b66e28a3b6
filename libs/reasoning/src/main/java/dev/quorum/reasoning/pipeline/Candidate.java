// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.List;

import dev.quorum.reasoning.cotdecoding.GeneratedToken;

/**
 * One generated candidate, as a source returns it.
 *
 * @param model the model that generated it
 * @param text the generated text (reasoning and answer)
 * @param finishReason {@code stop}, {@code length}, ...
 * @param promptTokens prompt tokens billed for it (a batch sharing one prefill may bill
 * them on its first candidate only)
 * @param completionTokens generated tokens
 * @param latency time from the request to this candidate's last token
 * @param tokens per-token offsets and top-2 probabilities when requested, else empty
 * @param firstTokenProbability the first token's probability (CoT-decoding branches), NaN
 * when unknown
 */
public record Candidate(String model, String text, String finishReason, int promptTokens, int completionTokens,
		Duration latency, List<GeneratedToken> tokens, double firstTokenProbability) {

	public Candidate {
		text = (text != null) ? text : "";
		latency = (latency != null) ? latency : Duration.ZERO;
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

	/**
	 * A candidate without token details.
	 * @param model the model
	 * @param text the text
	 * @param finishReason the finish reason
	 * @param promptTokens prompt tokens
	 * @param completionTokens completion tokens
	 * @param latency the latency
	 * @return the candidate
	 */
	public static Candidate of(String model, String text, String finishReason, int promptTokens, int completionTokens,
			Duration latency) {
		return new Candidate(model, text, finishReason, promptTokens, completionTokens, latency, List.of(), Double.NaN);
	}

}
