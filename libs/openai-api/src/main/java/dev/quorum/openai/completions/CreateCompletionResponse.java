// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.completions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.CompletionUsage;

/**
 * A text completion ({@code CreateCompletionResponse}, object {@code text_completion}).
 * Streamed text completions are sequences of the same object, each choice carrying the
 * new text; {@code usage} is always written (null on all but a usage chunk).
 *
 * @param id {@code cmpl-...}
 * @param object always {@code text_completion}
 * @param created creation time, Unix seconds
 * @param model the model that answered
 * @param systemFingerprint the backend configuration, or null to omit
 * @param choices {@code n} per prompt; prompt {@code p}'s choice {@code j} has index
 * {@code p * n + j}
 * @param usage token counts, or null on stream chunks
 */
@JsonInclude(Include.NON_NULL)
public record CreateCompletionResponse(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("created") long created, @JsonProperty("model") String model,
		@JsonProperty("system_fingerprint") String systemFingerprint, @JsonProperty("choices") List<Choice> choices,
		@JsonProperty("usage") @JsonInclude(Include.ALWAYS) CompletionUsage usage) {

	/** The value of {@code object}. */
	public static final String OBJECT = "text_completion";

	/**
	 * Copies the choices so the record is immutable.
	 */
	public CreateCompletionResponse {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * A completion (or, with {@code usage} null, a stream chunk).
	 * @param id the completion id
	 * @param created Unix seconds
	 * @param model the model
	 * @param choices the choices
	 * @param usage the token counts, or null
	 * @return the response
	 */
	public static CreateCompletionResponse of(String id, long created, String model, List<Choice> choices,
			CompletionUsage usage) {
		return new CreateCompletionResponse(id, OBJECT, created, model, null, choices, usage);
	}

	/**
	 * One choice. {@code logprobs} and {@code finish_reason} are always written.
	 *
	 * @param text the generated text (in a stream, the new part)
	 * @param index the choice's position
	 * @param logprobs token log probabilities, or null when not asked for
	 * @param finishReason {@code stop} or {@code length}; null on stream chunks that are
	 * not the choice's last
	 */
	public record Choice(@JsonProperty("text") String text, @JsonProperty("index") int index,
			@JsonProperty("logprobs") @JsonInclude(Include.ALWAYS) Logprobs logprobs,
			@JsonProperty("finish_reason") @JsonInclude(Include.ALWAYS) String finishReason) {

		/**
		 * A choice.
		 * @param index the choice's position
		 * @param text the generated text
		 * @param logprobs the logprobs, or null
		 * @param finishReason why generation stopped, or null
		 * @return the choice
		 */
		public static Choice of(int index, String text, Logprobs logprobs, String finishReason) {
			return new Choice(text, index, logprobs, finishReason);
		}

	}

	/**
	 * Legacy logprobs: four parallel lists, one entry per generated token.
	 *
	 * @param tokens each token's text
	 * @param tokenLogprobs each token's log probability
	 * @param topLogprobs per token, the most likely alternatives as
	 * {@code token -> logprob} in order of likelihood (tokens with the same text collapse
	 * into one entry, as in OpenAI's format)
	 * @param textOffset each token's character offset in the choice's text
	 */
	@JsonInclude(Include.ALWAYS)
	public record Logprobs(@JsonProperty("tokens") List<String> tokens,
			@JsonProperty("token_logprobs") List<Double> tokenLogprobs,
			@JsonProperty("top_logprobs") List<Map<String, Double>> topLogprobs,
			@JsonProperty("text_offset") List<Integer> textOffset) {

	}

}
