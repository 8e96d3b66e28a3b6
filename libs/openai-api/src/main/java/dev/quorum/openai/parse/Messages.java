// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.ChatCompletionRequestMessageContentPartText;
import dev.quorum.openai.chat.ChatRole;
import dev.quorum.openai.chat.MessageContent;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code messages}: roles system, developer, user and assistant, content as a
 * string or an array of text parts. An assistant message echoed back from a response may
 * carry {@code refusal}, {@code tool_calls}, {@code function_call}, {@code audio} and
 * {@code annotations}; they are accepted when null or empty and rejected otherwise.
 */
final class Messages {

	private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content", "name", "refusal", "tool_calls",
			"function_call", "audio", "annotations", "tool_call_id");

	private static final Set<String> PART_FIELDS = Set.of("type", "text");

	private static final Set<String> MEDIA_PARTS = Set.of("image_url", "input_audio", "file", "refusal");

	private Messages() {
	}

	/**
	 * Reads a non-empty message array.
	 * @param fields the request
	 * @param name the field, {@code messages}
	 * @return the messages, or null when absent
	 */
	static List<ChatCompletionRequestMessage> read(JsonFields fields, String name) {
		JsonNode value = fields.array(name, Integer.MAX_VALUE);
		if (value == null) {
			return null;
		}
		List<ChatCompletionRequestMessage> messages = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			messages.add(message(JsonFields.nested(value.get(i), name + "[" + i + "]")));
		}
		return messages;
	}

	private static ChatCompletionRequestMessage message(JsonFields fields) {
		fields.rejectUnknown(MESSAGE_FIELDS);
		String roleName = fields.requiredString("role");
		ChatRole role = ChatRole.fromWireName(roleName);
		if (role == null) {
			if (roleName.equals("tool") || roleName.equals("function")) {
				throw JsonFields.unsupported(fields.param("role"),
						"messages with role '" + roleName + "' need tool calling, which Quorum does not do.");
			}
			throw ApiException.invalidRequest(fields.param("role"), "Invalid value: '" + roleName
					+ "'. Supported values are: 'system', 'developer', 'user', and 'assistant'.");
		}
		for (String echoed : List.of("refusal", "tool_calls", "function_call", "audio", "annotations",
				"tool_call_id")) {
			JsonNode value = fields.value(echoed);
			if (value != null && !(value.isContainer() && value.isEmpty())) {
				throw JsonFields.unsupported(fields.param(echoed),
						"Quorum serves text only (no tools, audio or refusals); leave it out or send null.");
			}
		}
		MessageContent content = content(fields);
		return new ChatCompletionRequestMessage(role, content, fields.string("name"));
	}

	private static MessageContent content(JsonFields fields) {
		JsonNode value = fields.value("content");
		String param = fields.param("content");
		if (value == null) {
			throw JsonFields.missing(param);
		}
		if (value.isString()) {
			return MessageContent.of(value.stringValue());
		}
		if (!value.isArray()) {
			throw JsonFields.typeError(param, "a string or an array of content parts", value);
		}
		if (value.isEmpty()) {
			throw JsonFields.emptyArray(param);
		}
		List<ChatCompletionRequestMessageContentPartText> parts = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			JsonFields part = JsonFields.nested(value.get(i), param + "[" + i + "]");
			String type = part.requiredString("type");
			if (MEDIA_PARTS.contains(type)) {
				throw JsonFields.unsupported(part.param("type"),
						"content parts of type '" + type + "' are not accepted; Quorum's models read text only.");
			}
			if (!type.equals("text")) {
				throw ApiException.invalidRequest(part.param("type"),
						"Invalid value: '" + type + "'. Supported values are: 'text'.");
			}
			part.rejectUnknown(PART_FIELDS);
			String text = part.string("text");
			if (text == null) {
				throw JsonFields.missing(part.param("text"));
			}
			parts.add(ChatCompletionRequestMessageContentPartText.of(text));
		}
		return MessageContent.ofParts(parts);
	}

}
