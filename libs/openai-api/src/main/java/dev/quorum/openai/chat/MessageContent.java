// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;

/**
 * A message's {@code content}, kept in the shape the client sent so that it can be passed
 * on intact: either a plain string or an array of text parts. Exactly one of the two is
 * set.
 *
 * @param string the content when sent as a string, else null
 * @param parts the content when sent as an array of text parts, else null
 */
public record MessageContent(String string, List<ChatCompletionRequestMessageContentPartText> parts) {

	/**
	 * Checks that exactly one form is set.
	 * @param string the string form
	 * @param parts the parts form
	 */
	public MessageContent {
		if ((string == null) == (parts == null)) {
			throw new IllegalArgumentException("exactly one of string and parts must be set");
		}
		parts = (parts != null) ? List.copyOf(parts) : null;
	}

	/**
	 * Content sent as a string.
	 * @param text the text
	 * @return the content
	 */
	public static MessageContent of(String text) {
		return new MessageContent(text, null);
	}

	/**
	 * Content sent as text parts.
	 * @param parts the parts, in order
	 * @return the content
	 */
	public static MessageContent ofParts(List<ChatCompletionRequestMessageContentPartText> parts) {
		return new MessageContent(null, parts);
	}

	/**
	 * The text the model sees: the string, or the parts' texts joined with a newline (as
	 * vLLM joins them).
	 * @return the text
	 */
	public String text() {
		if (this.string != null) {
			return this.string;
		}
		return this.parts.stream()
			.map(ChatCompletionRequestMessageContentPartText::text)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Reads content that this module wrote (a string or text parts), so that requests
	 * round-trip through Jackson, for instance in a fake backend. Incoming client
	 * requests go through {@code ChatCompletionRequests}, which checks them properly.
	 * @param value the JSON value
	 * @return the content
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static MessageContent fromJson(JsonNode value) {
		if (value.isString()) {
			return of(value.stringValue());
		}
		if (!value.isArray()) {
			throw new IllegalArgumentException("content must be a string or an array of text parts");
		}
		List<ChatCompletionRequestMessageContentPartText> parts = new ArrayList<>(value.size());
		value
			.forEach((part) -> parts.add(ChatCompletionRequestMessageContentPartText.of(part.path("text").asString())));
		return ofParts(parts);
	}

	/**
	 * The JSON value: a string or an array, as it was sent.
	 * @return the string or the parts
	 */
	@JsonValue
	Object jsonValue() {
		return (this.string != null) ? this.string : this.parts;
	}

}
