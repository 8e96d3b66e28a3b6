// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper the wire records are meant for: compact output (never indented, so one
 * chunk fits one SSE {@code data:} line) and tolerant reading (responses of other
 * OpenAI-compatible servers carry fields these records do not name, such as vLLM's
 * {@code stop_reason}). Requests are never read through it: they go through the strict
 * parsers of {@code dev.quorum.openai.parse}.
 */
public final class OpenAiJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private OpenAiJson() {
	}

	/**
	 * The shared mapper (immutable, thread-safe).
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
