// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One message of {@code messages} ({@code ChatCompletionRequestMessage} restricted to the
 * system, developer, user and assistant roles, with text content only).
 *
 * @param role the author
 * @param content the text, as a string or text parts
 * @param name an optional participant name, or null
 */
@JsonInclude(Include.NON_NULL)
public record ChatCompletionRequestMessage(@JsonProperty("role") ChatRole role,
		@JsonProperty("content") MessageContent content, @JsonProperty("name") String name) {

	/**
	 * A message with string content and no name.
	 * @param role the author
	 * @param text the content
	 * @return the message
	 */
	public static ChatCompletionRequestMessage of(ChatRole role, String text) {
		return new ChatCompletionRequestMessage(role, MessageContent.of(text), null);
	}

	/**
	 * A system message.
	 * @param text the content
	 * @return the message
	 */
	public static ChatCompletionRequestMessage system(String text) {
		return of(ChatRole.SYSTEM, text);
	}

	/**
	 * A user message.
	 * @param text the content
	 * @return the message
	 */
	public static ChatCompletionRequestMessage user(String text) {
		return of(ChatRole.USER, text);
	}

	/**
	 * An assistant message (an earlier turn of the model).
	 * @param text the content
	 * @return the message
	 */
	public static ChatCompletionRequestMessage assistant(String text) {
		return of(ChatRole.ASSISTANT, text);
	}

	/**
	 * The text the model sees.
	 * @return the content's text
	 */
	public String text() {
		return this.content.text();
	}

}
