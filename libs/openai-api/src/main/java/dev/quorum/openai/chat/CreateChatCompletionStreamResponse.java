// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.CompletionUsage;

/**
 * One SSE chunk of a streamed chat completion
 * ({@code CreateChatCompletionStreamResponse}, object {@code chat.completion.chunk}).
 * Every chunk of a stream has the same {@code id} and {@code created}. {@code usage} is
 * always written: null on every chunk but the last one when
 * {@code stream_options.include_usage} is true, which has empty {@code choices}.
 *
 * @param id the completion id, shared by all chunks
 * @param object always {@code chat.completion.chunk}
 * @param created creation time, Unix seconds, shared by all chunks
 * @param model the model that answers
 * @param systemFingerprint the backend configuration, or null to omit
 * @param choices the choices this chunk advances (chunks of several choices may
 * interleave)
 * @param usage token counts on the usage chunk, else null
 */
@JsonInclude(Include.NON_NULL)
public record CreateChatCompletionStreamResponse(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("created") long created, @JsonProperty("model") String model,
		@JsonProperty("system_fingerprint") String systemFingerprint, @JsonProperty("choices") List<Choice> choices,
		@JsonProperty("usage") @JsonInclude(Include.ALWAYS) CompletionUsage usage) {

	/** The value of {@code object}. */
	public static final String OBJECT = "chat.completion.chunk";

	/**
	 * Copies the choices so the record is immutable.
	 */
	public CreateChatCompletionStreamResponse {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * A chunk advancing some choices.
	 * @param id the completion id
	 * @param created Unix seconds
	 * @param model the model
	 * @param choices the choices advanced
	 * @return the chunk, {@code usage} null
	 */
	public static CreateChatCompletionStreamResponse of(String id, long created, String model, List<Choice> choices) {
		return new CreateChatCompletionStreamResponse(id, OBJECT, created, model, null, choices, null);
	}

	/**
	 * The usage chunk sent last when {@code include_usage} is true.
	 * @param id the completion id
	 * @param created Unix seconds
	 * @param model the model
	 * @param usage the token counts of the whole request
	 * @return the chunk, {@code choices} empty
	 */
	public static CreateChatCompletionStreamResponse usage(String id, long created, String model,
			CompletionUsage usage) {
		return new CreateChatCompletionStreamResponse(id, OBJECT, created, model, null, List.of(), usage);
	}

	/**
	 * One choice's part of a chunk. {@code logprobs} and {@code finish_reason} are always
	 * written.
	 *
	 * @param index the choice's position, 0..n-1
	 * @param delta the new part of its message
	 * @param logprobs log probabilities of this delta's tokens, or null
	 * @param finishReason null until the choice's last chunk, then {@code stop} or
	 * {@code length}
	 */
	public record Choice(@JsonProperty("index") int index,
			@JsonProperty("delta") ChatCompletionStreamResponseDelta delta,
			@JsonProperty("logprobs") @JsonInclude(Include.ALWAYS) ChatCompletionLogprobs logprobs,
			@JsonProperty("finish_reason") @JsonInclude(Include.ALWAYS) String finishReason) {

		/**
		 * A choice's first chunk: {@code {"role":"assistant","content":""}}.
		 * @param index the choice's position
		 * @return the part
		 */
		public static Choice start(int index) {
			return new Choice(index, ChatCompletionStreamResponseDelta.start(), null, null);
		}

		/**
		 * New text of a choice.
		 * @param index the choice's position
		 * @param content the text
		 * @param logprobs log probabilities of its tokens, or null
		 * @return the part
		 */
		public static Choice content(int index, String content, ChatCompletionLogprobs logprobs) {
			return new Choice(index, ChatCompletionStreamResponseDelta.of(content), logprobs, null);
		}

		/**
		 * A choice's last chunk: empty delta and the finish reason.
		 * @param index the choice's position
		 * @param finishReason why generation stopped
		 * @return the part
		 */
		public static Choice finish(int index, String finishReason) {
			return new Choice(index, ChatCompletionStreamResponseDelta.empty(), null, finishReason);
		}

	}

}
