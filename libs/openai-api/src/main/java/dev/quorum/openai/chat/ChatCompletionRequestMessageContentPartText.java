// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One text part of an array {@code content}: {@code {"type":"text","text":...}}. Image,
 * audio and file parts are not accepted.
 *
 * @param type always {@code text}
 * @param text the text
 */
public record ChatCompletionRequestMessageContentPartText(@JsonProperty("type") String type,
		@JsonProperty("text") String text) {

	/**
	 * A text part.
	 * @param text the text
	 * @return the part
	 */
	public static ChatCompletionRequestMessageContentPartText of(String text) {
		return new ChatCompletionRequestMessageContentPartText("text", text);
	}

}
