// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The author of a chat message. Tool and function messages are not accepted (Quorum does
 * no tool calling); {@code developer} is OpenAI's newer name for {@code system} and is
 * templated the same way.
 */
public enum ChatRole {

	/** Instructions from the deployer. */
	SYSTEM,
	/** Instructions from the developer (o1 and later models); same as system for us. */
	DEVELOPER,
	/** The end user. */
	USER,
	/** The model's earlier turns. */
	ASSISTANT;

	/**
	 * The value of {@code role}.
	 * @return the lower-case name
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role with a wire name.
	 * @param wireName the value of {@code role}
	 * @return the role, or null when the name is not one of the four
	 */
	@JsonCreator
	public static ChatRole fromWireName(String wireName) {
		for (ChatRole role : values()) {
			if (role.wireName().equals(wireName)) {
				return role;
			}
		}
		return null;
	}

}
