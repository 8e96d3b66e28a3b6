// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.completions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.ChatCompletionStreamOptions;

/**
 * {@code POST /v1/completions}, reduced to the fields Quorum honours. Token-id prompts
 * and {@code logprobs} make it the endpoint CoT-decoding uses on external backends. Null
 * means "not given": the server's default applies (OpenAI's {@code max_tokens} default is
 * 16).
 *
 * @param model the model id
 * @param prompt the prompt or prompts
 * @param maxTokens tokens to generate per choice
 * @param temperature sampling temperature in [0, 2]; 0 is greedy
 * @param topP nucleus mass in (0, 1]
 * @param n choices per prompt
 * @param stream whether to answer with SSE chunks
 * @param streamOptions stream options, only with {@code stream: true}
 * @param stop up to four stop strings, never empty
 * @param seed the sampling seed
 * @param logprobs alternatives to return per token, in [0, 5]; null for no logprobs
 * @param topK vLLM extension: keep the k most likely tokens; -1 or 0 is off
 * @param minP vLLM extension: drop tokens below {@code minP * p(top token)}, in [0, 1]
 * @param branching Quorum extension for CoT-decoding: branch on the most likely first
 * tokens (one choice per branch), or null; only Quorum's decode-service accepts it
 */
@JsonInclude(Include.NON_NULL)
public record CreateCompletionRequest(@JsonProperty("model") String model,
		@JsonProperty("prompt") CompletionPrompt prompt, @JsonProperty("max_tokens") Integer maxTokens,
		@JsonProperty("temperature") Double temperature, @JsonProperty("top_p") Double topP,
		@JsonProperty("n") Integer n, @JsonProperty("stream") Boolean stream,
		@JsonProperty("stream_options") ChatCompletionStreamOptions streamOptions,
		@JsonProperty("stop") List<String> stop, @JsonProperty("seed") Long seed,
		@JsonProperty("logprobs") Integer logprobs, @JsonProperty("top_k") Integer topK,
		@JsonProperty("min_p") Double minP, @JsonProperty("quorum_branching") CompletionBranching branching) {

	/**
	 * Copies the stop list so the request is immutable.
	 */
	public CreateCompletionRequest {
		stop = (stop != null) ? List.copyOf(stop) : null;
	}

	/**
	 * A request with a model, a prompt and a length; every other field takes the server's
	 * default.
	 * @param model the model id
	 * @param prompt the prompt
	 * @param maxTokens tokens to generate, or null for the server's default
	 * @return the request
	 */
	public static CreateCompletionRequest of(String model, CompletionPrompt prompt, Integer maxTokens) {
		return new CreateCompletionRequest(model, prompt, maxTokens, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	/**
	 * Whether the client asked for SSE.
	 * @return true when {@code stream} is true
	 */
	public boolean streaming() {
		return Boolean.TRUE.equals(this.stream);
	}

	/**
	 * This request with other sampling settings.
	 * @param n choices, or null
	 * @param temperature temperature, or null
	 * @param topP nucleus mass, or null
	 * @param seed seed, or null
	 * @return the copy
	 */
	public CreateCompletionRequest withSampling(Integer n, Double temperature, Double topP, Long seed) {
		return new CreateCompletionRequest(this.model, this.prompt, this.maxTokens, temperature, topP, n, this.stream,
				this.streamOptions, this.stop, seed, this.logprobs, this.topK, this.minP, this.branching);
	}

	/**
	 * This request asking for (or not) token log probabilities.
	 * @param logprobs alternatives per token (0..5), or null for none
	 * @return the copy
	 */
	public CreateCompletionRequest withLogprobs(Integer logprobs) {
		return new CreateCompletionRequest(this.model, this.prompt, this.maxTokens, this.temperature, this.topP, this.n,
				this.stream, this.streamOptions, this.stop, this.seed, logprobs, this.topK, this.minP, this.branching);
	}

	/**
	 * This request with stop strings.
	 * @param stop the stop strings, or null
	 * @return the copy
	 */
	public CreateCompletionRequest withStop(List<String> stop) {
		return new CreateCompletionRequest(this.model, this.prompt, this.maxTokens, this.temperature, this.topP, this.n,
				this.stream, this.streamOptions, stop, this.seed, this.logprobs, this.topK, this.minP, this.branching);
	}

	/**
	 * This request streamed or not.
	 * @param stream true for SSE; false writes no {@code stream} field at all
	 * @param includeUsage with {@code stream}, whether to ask for the usage chunk (false
	 * writes no {@code stream_options})
	 * @return the copy
	 */
	public CreateCompletionRequest withStream(boolean stream, boolean includeUsage) {
		return new CreateCompletionRequest(this.model, this.prompt, this.maxTokens, this.temperature, this.topP, this.n,
				stream ? Boolean.TRUE : null, (stream && includeUsage) ? ChatCompletionStreamOptions.of(true) : null,
				this.stop, this.seed, this.logprobs, this.topK, this.minP, this.branching);
	}

	/**
	 * This request branching on its first tokens (Quorum's decode-service only).
	 * @param branching the branching, or null for none
	 * @return the copy
	 */
	public CreateCompletionRequest withBranching(CompletionBranching branching) {
		return new CreateCompletionRequest(this.model, this.prompt, this.maxTokens, this.temperature, this.topP, this.n,
				this.stream, this.streamOptions, this.stop, this.seed, this.logprobs, this.topK, this.minP, branching);
	}

}
