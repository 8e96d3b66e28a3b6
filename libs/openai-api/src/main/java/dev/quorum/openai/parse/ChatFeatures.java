// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.Set;

import dev.quorum.openai.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Chat fields that Quorum accepts only in their "off" form, or reads and ignores: tools
 * and functions, structured output, audio, predicted outputs, web search, reasoning
 * controls, storage and service tiers.
 */
final class ChatFeatures {

	/** The field names checked here. */
	static final Set<String> FIELDS = Set.of("tools", "tool_choice", "functions", "function_call",
			"parallel_tool_calls", "response_format", "audio", "modalities", "prediction", "web_search_options",
			"reasoning_effort", "verbosity", "store", "metadata", "service_tier", "safety_identifier",
			"prompt_cache_key");

	private static final String NO_TOOLS = "Quorum does no tool or function calling.";

	private ChatFeatures() {
	}

	/**
	 * Checks every field of {@link #FIELDS}.
	 * @param fields the request
	 */
	static void check(JsonFields fields) {
		emptyOnly(fields, "tools", NO_TOOLS);
		emptyOnly(fields, "functions", NO_TOOLS);
		noneOnly(fields, "tool_choice");
		noneOnly(fields, "function_call");
		if (Boolean.TRUE.equals(fields.bool("parallel_tool_calls"))) {
			throw JsonFields.unsupported("parallel_tool_calls", NO_TOOLS + " Send false or leave it out.");
		}
		responseFormat(fields);
		modalities(fields);
		for (String name : new String[] { "audio", "prediction", "web_search_options" }) {
			if (fields.value(name) != null) {
				throw JsonFields.unsupported(name, "Quorum generates text only, without audio, predicted outputs or "
						+ "web search; leave it out.");
			}
		}
		for (String name : new String[] { "reasoning_effort", "verbosity" }) {
			if (fields.value(name) != null) {
				throw JsonFields.unsupported(name, "use a strategy model or the 'quorum' object to control reasoning.");
			}
		}
		if (Boolean.TRUE.equals(fields.bool("store"))) {
			throw JsonFields.unsupported("store", "Quorum does not store completions; send false or leave it out.");
		}
		JsonNode metadata = fields.value("metadata");
		if (metadata != null && !metadata.isObject()) {
			throw JsonFields.typeError("metadata", "an object", metadata);
		}
		String tier = fields.string("service_tier");
		if (tier != null && !tier.equals("auto") && !tier.equals("default")) {
			throw JsonFields.unsupported("service_tier", "Quorum has one service tier; send 'auto' or 'default'.");
		}
		fields.string("safety_identifier");
		fields.string("prompt_cache_key");
	}

	private static void emptyOnly(JsonFields fields, String name, String why) {
		JsonNode value = fields.value(name);
		if (value == null) {
			return;
		}
		if (!value.isArray()) {
			throw JsonFields.typeError(name, "an array", value);
		}
		if (!value.isEmpty()) {
			throw JsonFields.unsupported(name, why);
		}
	}

	private static void noneOnly(JsonFields fields, String name) {
		JsonNode value = fields.value(name);
		if (value != null && !(value.isString() && value.stringValue().equals("none"))) {
			throw JsonFields.unsupported(name, NO_TOOLS + " Send 'none' or leave it out.");
		}
	}

	private static void responseFormat(JsonFields fields) {
		JsonNode value = fields.value("response_format");
		if (value == null) {
			return;
		}
		JsonFields format = JsonFields.nested(value, "response_format");
		String type = format.requiredString("type");
		if (type.equals("json_object") || type.equals("json_schema")) {
			throw JsonFields.unsupported("response_format",
					"structured output ('" + type + "') is not enforced; use {\"type\":\"text\"} or leave it out.");
		}
		if (!type.equals("text")) {
			throw ApiException.invalidRequest(format.param("type"),
					"Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and 'json_schema'.");
		}
		format.rejectUnknown(Set.of("type"));
	}

	private static void modalities(JsonFields fields) {
		JsonNode value = fields.value("modalities");
		if (value == null) {
			return;
		}
		if (!value.isArray()) {
			throw JsonFields.typeError("modalities", "an array", value);
		}
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			String param = "modalities[" + i + "]";
			if (!item.isString()) {
				throw JsonFields.typeError(param, "a string", item);
			}
			if (item.stringValue().equals("audio")) {
				throw JsonFields.unsupported("modalities", "Quorum generates text only; send [\"text\"].");
			}
			if (!item.stringValue().equals("text")) {
				throw ApiException.invalidRequest(param,
						"Invalid value: '" + item.stringValue() + "'. Supported values are: 'text' and 'audio'.");
			}
		}
	}

}
