// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The new part of a streamed message ({@code ChatCompletionStreamResponseDelta}): the
 * first chunk of a choice carries {@code {"role":"assistant","content":""}}, later ones
 * {@code {"content":...}}, the last one {@code {}}.
 *
 * @param role {@code assistant} on the first chunk of a choice, else null
 * @param content the new text, or null
 */
@JsonInclude(Include.NON_NULL)
public record ChatCompletionStreamResponseDelta(@JsonProperty("role") String role,
		@JsonProperty("content") String content) {

	private static final ChatCompletionStreamResponseDelta EMPTY = new ChatCompletionStreamResponseDelta(null, null);

	/**
	 * The first delta of a choice.
	 * @return {@code {"role":"assistant","content":""}}
	 */
	public static ChatCompletionStreamResponseDelta start() {
		return new ChatCompletionStreamResponseDelta("assistant", "");
	}

	/**
	 * A delta with new text.
	 * @param content the text
	 * @return {@code {"content":...}}
	 */
	public static ChatCompletionStreamResponseDelta of(String content) {
		return new ChatCompletionStreamResponseDelta(null, content);
	}

	/**
	 * The delta of a choice's last chunk.
	 * @return {@code {}}
	 */
	public static ChatCompletionStreamResponseDelta empty() {
		return EMPTY;
	}

}
