// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.CompletionUsage;
import tools.jackson.databind.JsonNode;

/**
 * A non-streamed chat completion ({@code CreateChatCompletionResponse}, object
 * {@code chat.completion}).
 *
 * @param id {@code chatcmpl-...}, the same for every choice
 * @param object always {@code chat.completion}
 * @param created creation time, Unix seconds
 * @param model the model that answered
 * @param systemFingerprint the backend configuration, or null to omit
 * @param choices one per sample, {@code index} 0..n-1
 * @param usage token counts over all choices
 * @param quorum Quorum extension written by the ensemble service (vote summary), or null
 * to omit
 */
@JsonInclude(Include.NON_NULL)
public record CreateChatCompletionResponse(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("created") long created, @JsonProperty("model") String model,
		@JsonProperty("system_fingerprint") String systemFingerprint, @JsonProperty("choices") List<Choice> choices,
		@JsonProperty("usage") CompletionUsage usage, @JsonProperty("quorum") JsonNode quorum) {

	/** The value of {@code object}. */
	public static final String OBJECT = "chat.completion";

	/**
	 * Copies the choices so the record is immutable.
	 */
	public CreateChatCompletionResponse {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * A completion without fingerprint or extension.
	 * @param id the completion id
	 * @param created Unix seconds
	 * @param model the model
	 * @param choices the choices
	 * @param usage the token counts
	 * @return the response
	 */
	public static CreateChatCompletionResponse of(String id, long created, String model, List<Choice> choices,
			CompletionUsage usage) {
		return new CreateChatCompletionResponse(id, OBJECT, created, model, null, choices, usage, null);
	}

	/**
	 * This response with the Quorum extension field set.
	 * @param quorum the extension object
	 * @return the copy
	 */
	public CreateChatCompletionResponse withQuorum(JsonNode quorum) {
		return new CreateChatCompletionResponse(this.id, this.object, this.created, this.model, this.systemFingerprint,
				this.choices, this.usage, quorum);
	}

	/**
	 * One choice. {@code logprobs} and {@code finish_reason} are always written.
	 *
	 * @param index the choice's position, 0..n-1
	 * @param message the generated message
	 * @param logprobs token log probabilities, or null when not asked for
	 * @param finishReason {@code stop} (EOS or a stop string) or {@code length}
	 */
	public record Choice(@JsonProperty("index") int index,
			@JsonProperty("message") ChatCompletionResponseMessage message,
			@JsonProperty("logprobs") @JsonInclude(Include.ALWAYS) ChatCompletionLogprobs logprobs,
			@JsonProperty("finish_reason") @JsonInclude(Include.ALWAYS) String finishReason) {

		/**
		 * A choice with an assistant message.
		 * @param index the choice's position
		 * @param content the generated text
		 * @param logprobs the logprobs, or null
		 * @param finishReason why generation stopped
		 * @return the choice
		 */
		public static Choice of(int index, String content, ChatCompletionLogprobs logprobs, String finishReason) {
			return new Choice(index, ChatCompletionResponseMessage.assistant(content), logprobs, finishReason);
		}

	}

}
