// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant} (templates that know
 * other roles pass them through)
 * @param content the text
 */
public record ChatMessage(String role, String content) {

	public ChatMessage {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(content, "content");
	}

}
