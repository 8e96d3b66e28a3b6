// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.generate;

import java.util.List;
import java.util.Set;

import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import dev.quorum.serving.ServedModel;

/**
 * OpenAI sampling fields to the engine's parameters, with OpenAI's defaults (temperature
 * 1, top_p 1) and the context-length check.
 */
public final class Sampling {

	private Sampling() {
	}

	/**
	 * Builds the engine's parameters.
	 * @param model the served model (context length)
	 * @param promptTokens the prompt's length in tokens
	 * @param maxTokens requested completion limit, or null for the rest of the context
	 * (capped)
	 * @param cap the service's cap on completion tokens
	 * @param temperature OpenAI temperature, or null
	 * @param topP OpenAI top_p, or null
	 * @param topK vLLM top_k (-1 or 0: off), or null
	 * @param minP vLLM min_p, or null
	 * @param seed the seed, or null
	 * @param stop stop strings, or null
	 * @param logprobs whether to report the chosen token's logprob
	 * @param topLogprobs alternatives to report
	 * @return the parameters
	 * @throws ApiException 400 when the prompt leaves no room to generate or the request
	 * asks for more than the context holds
	 */
	public static SamplingParams of(ServedModel model, int promptTokens, Integer maxTokens, int cap, Double temperature,
			Double topP, Integer topK, Double minP, Long seed, List<String> stop, boolean logprobs, int topLogprobs) {
		int context = model.contextLength();
		if (promptTokens >= context) {
			throw new ApiException(400, ErrorType.INVALID_REQUEST,
					"This model's maximum context length is " + context + " tokens. However, your prompt has "
							+ promptTokens + " tokens, which leaves no room for a completion.",
					"messages", "context_length_exceeded", null);
		}
		int room = context - promptTokens;
		int limit;
		if (maxTokens != null) {
			if (maxTokens > room) {
				throw new ApiException(400, ErrorType.INVALID_REQUEST,
						"This model's maximum context length is " + context + " tokens. However, you requested "
								+ (promptTokens + maxTokens) + " tokens (" + promptTokens + " in the prompt, "
								+ maxTokens + " in the completion). Reduce the prompt or the completion length.",
						"max_tokens", "context_length_exceeded", null);
			}
			limit = maxTokens;
		}
		else {
			limit = Math.min(room, cap);
		}
		float t = (temperature != null) ? temperature.floatValue() : 1.0f;
		float p = (topP != null) ? topP.floatValue() : 1.0f;
		int k = (topK != null && topK > 0) ? topK : 0;
		float min = (minP != null) ? minP.floatValue() : 0f;
		// The service draws the seed of unseeded requests (cheaply, without touching the
		// OS's entropy
		// pool on a request thread), so every run is reproducible from its seed.
		long drawn = (seed != null) ? seed : java.util.concurrent.ThreadLocalRandom.current().nextLong();
		return new SamplingParams(t, k, p, min, drawn, limit, Set.of(), (stop != null) ? stop : List.of(), false,
				logprobs, topLogprobs);
	}

}
