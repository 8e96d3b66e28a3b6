// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.ChatCompletionStreamOptions;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/chat/completions}, reduced to the fields Quorum honours. Incoming
 * bodies are read by {@code dev.quorum.openai.parse.ChatCompletionRequests}, which
 * rejects what is not supported; outgoing ones (to other OpenAI-compatible backends)
 * write only the fields that are set. Null means "not given": the server's default
 * applies.
 *
 * @param model the model id (or a strategy model name on the ensemble service)
 * @param messages the conversation, at least one message
 * @param maxTokens {@code max_tokens} (deprecated by OpenAI, still sent by many clients)
 * @param maxCompletionTokens {@code max_completion_tokens}; when both are given they are
 * equal (the parser checks)
 * @param temperature sampling temperature in [0, 2]; 0 is greedy
 * @param topP nucleus mass in (0, 1]
 * @param n choices to generate
 * @param stream whether to answer with SSE chunks
 * @param streamOptions stream options, only with {@code stream: true}
 * @param stop up to four stop strings, never empty
 * @param seed the sampling seed
 * @param logprobs whether to return the chosen tokens' log probabilities
 * @param topLogprobs alternatives per token in [0, 20]; only with {@code logprobs: true}
 * @param topK vLLM extension: keep the k most likely tokens; -1 or 0 is off
 * @param minP vLLM extension: drop tokens below {@code minP * p(top token)}, in [0, 1]
 * @param quorum Quorum extension, accepted only by the ensemble service: the raw
 * {@code quorum} object (strategy options), or null
 */
@JsonInclude(Include.NON_NULL)
public record CreateChatCompletionRequest(@JsonProperty("model") String model,
		@JsonProperty("messages") List<ChatCompletionRequestMessage> messages,
		@JsonProperty("max_tokens") Integer maxTokens,
		@JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
		@JsonProperty("temperature") Double temperature, @JsonProperty("top_p") Double topP,
		@JsonProperty("n") Integer n, @JsonProperty("stream") Boolean stream,
		@JsonProperty("stream_options") ChatCompletionStreamOptions streamOptions,
		@JsonProperty("stop") List<String> stop, @JsonProperty("seed") Long seed,
		@JsonProperty("logprobs") Boolean logprobs, @JsonProperty("top_logprobs") Integer topLogprobs,
		@JsonProperty("top_k") Integer topK, @JsonProperty("min_p") Double minP,
		@JsonProperty("quorum") JsonNode quorum) {

	/**
	 * Copies the lists so the request is immutable.
	 */
	public CreateChatCompletionRequest {
		messages = (messages != null) ? List.copyOf(messages) : null;
		stop = (stop != null) ? List.copyOf(stop) : null;
	}

	/**
	 * A request with only a model and messages; every other field takes the server's
	 * default.
	 * @param model the model id
	 * @param messages the conversation
	 * @return the request
	 */
	public static CreateChatCompletionRequest of(String model, List<ChatCompletionRequestMessage> messages) {
		return new CreateChatCompletionRequest(model, messages, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	/**
	 * The completion-length limit the client asked for, whichever field carried it.
	 * @return {@code max_completion_tokens}, else {@code max_tokens}, else null
	 */
	public Integer maxTokensLimit() {
		return (this.maxCompletionTokens != null) ? this.maxCompletionTokens : this.maxTokens;
	}

	/**
	 * Whether the client asked for SSE.
	 * @return true when {@code stream} is true
	 */
	public boolean streaming() {
		return Boolean.TRUE.equals(this.stream);
	}

	/**
	 * This request with another model name.
	 * @param model the model id
	 * @return the copy
	 */
	public CreateChatCompletionRequest withModel(String model) {
		return new CreateChatCompletionRequest(model, this.messages, this.maxTokens, this.maxCompletionTokens,
				this.temperature, this.topP, this.n, this.stream, this.streamOptions, this.stop, this.seed,
				this.logprobs, this.topLogprobs, this.topK, this.minP, this.quorum);
	}

	/**
	 * This request with a completion-length limit, sent as {@code max_tokens} (the field
	 * every compatible server knows).
	 * @param maxTokens the limit, or null for the server's default
	 * @return the copy
	 */
	public CreateChatCompletionRequest withMaxTokens(Integer maxTokens) {
		return new CreateChatCompletionRequest(this.model, this.messages, maxTokens, null, this.temperature, this.topP,
				this.n, this.stream, this.streamOptions, this.stop, this.seed, this.logprobs, this.topLogprobs,
				this.topK, this.minP, this.quorum);
	}

	/**
	 * This request with other sampling settings.
	 * @param n choices, or null
	 * @param temperature temperature, or null
	 * @param topP nucleus mass, or null
	 * @param seed seed, or null
	 * @return the copy
	 */
	public CreateChatCompletionRequest withSampling(Integer n, Double temperature, Double topP, Long seed) {
		return new CreateChatCompletionRequest(this.model, this.messages, this.maxTokens, this.maxCompletionTokens,
				temperature, topP, n, this.stream, this.streamOptions, this.stop, seed, this.logprobs, this.topLogprobs,
				this.topK, this.minP, this.quorum);
	}

	/**
	 * This request asking for (or not) token log probabilities.
	 * @param topLogprobs alternatives per token, or null for no logprobs at all
	 * @return the copy
	 */
	public CreateChatCompletionRequest withLogprobs(Integer topLogprobs) {
		return new CreateChatCompletionRequest(this.model, this.messages, this.maxTokens, this.maxCompletionTokens,
				this.temperature, this.topP, this.n, this.stream, this.streamOptions, this.stop, this.seed,
				(topLogprobs != null) ? Boolean.TRUE : null, topLogprobs, this.topK, this.minP, this.quorum);
	}

	/**
	 * This request streamed or not.
	 * @param stream true for SSE; false writes no {@code stream} field at all
	 * @param includeUsage with {@code stream}, whether to ask for the usage chunk (false
	 * writes no {@code stream_options})
	 * @return the copy
	 */
	public CreateChatCompletionRequest withStream(boolean stream, boolean includeUsage) {
		return new CreateChatCompletionRequest(this.model, this.messages, this.maxTokens, this.maxCompletionTokens,
				this.temperature, this.topP, this.n, stream ? Boolean.TRUE : null,
				(stream && includeUsage) ? ChatCompletionStreamOptions.of(true) : null, this.stop, this.seed,
				this.logprobs, this.topLogprobs, this.topK, this.minP, this.quorum);
	}

	/**
	 * This request without the Quorum extension, as sent to a plain backend.
	 * @return the copy
	 */
	public CreateChatCompletionRequest withoutQuorum() {
		return new CreateChatCompletionRequest(this.model, this.messages, this.maxTokens, this.maxCompletionTokens,
				this.temperature, this.topP, this.n, this.stream, this.streamOptions, this.stop, this.seed,
				this.logprobs, this.topLogprobs, this.topK, this.minP, null);
	}

}
