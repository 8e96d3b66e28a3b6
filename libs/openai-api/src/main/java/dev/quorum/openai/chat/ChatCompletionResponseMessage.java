// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The message of a non-streamed choice ({@code ChatCompletionResponseMessage}). OpenAI
 * always writes {@code role}, {@code content} and {@code refusal}, nulls included.
 *
 * @param role always {@code assistant}
 * @param content the generated text
 * @param refusal a refusal message; always null here
 */
@JsonInclude(Include.ALWAYS)
public record ChatCompletionResponseMessage(@JsonProperty("role") String role, @JsonProperty("content") String content,
		@JsonProperty("refusal") String refusal) {

	/**
	 * An assistant message.
	 * @param content the generated text
	 * @return the message, {@code refusal} null
	 */
	public static ChatCompletionResponseMessage assistant(String content) {
		return new ChatCompletionResponseMessage("assistant", content, null);
	}

}
