// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ChatCompletionStreamOptions;
import tools.jackson.databind.JsonNode;

/**
 * The fields chat and text completions share: sampling, length, stop strings, streaming,
 * and the penalties and biases Quorum accepts only at their neutral values.
 *
 * @param temperature in [0, 2], or null
 * @param topP in (0, 1], or null
 * @param n in [1, maxN], or null
 * @param stream or null
 * @param streamOptions only with {@code stream: true}, or null
 * @param stop one to four non-empty strings, or null
 * @param seed any 64-bit integer, or null
 * @param topK -1 or more, or null
 * @param minP in [0, 1], or null
 */
record Sampling(Double temperature, Double topP, Integer n, Boolean stream, ChatCompletionStreamOptions streamOptions,
		List<String> stop, Long seed, Integer topK, Double minP) {

	/** The field names read here. */
	static final Set<String> FIELDS = Set.of("temperature", "top_p", "n", "stream", "stream_options", "stop", "seed",
			"top_k", "min_p", "presence_penalty", "frequency_penalty", "logit_bias", "user");

	/** OpenAI's limit on stop strings. */
	static final int MAX_STOP = 4;

	/**
	 * Reads and checks the shared fields.
	 * @param fields the request
	 * @param limits the service's limits
	 * @return the values
	 */
	static Sampling read(JsonFields fields, RequestLimits limits) {
		Double temperature = fields.number("temperature", 0, true, 2);
		Double topP = fields.number("top_p", 0, false, 1);
		Integer n = fields.integer("n", 1, limits.maxN());
		Boolean stream = fields.bool("stream");
		ChatCompletionStreamOptions streamOptions = streamOptions(fields, Boolean.TRUE.equals(stream));
		List<String> stop = stop(fields);
		Long seed = fields.int64("seed");
		Integer topK = fields.integer("top_k", -1, Integer.MAX_VALUE);
		Double minP = fields.number("min_p", 0, true, 1);
		neutralPenalty(fields, "presence_penalty");
		neutralPenalty(fields, "frequency_penalty");
		JsonNode logitBias = fields.value("logit_bias");
		if (logitBias != null) {
			if (!logitBias.isObject()) {
				throw JsonFields.typeError("logit_bias", "an object", logitBias);
			}
			if (!logitBias.isEmpty()) {
				throw JsonFields.unsupported("logit_bias", "token biases are not applied; send {} or leave it out.");
			}
		}
		fields.string("user");
		return new Sampling(temperature, topP, n, stream, streamOptions, stop, seed, topK, minP);
	}

	/**
	 * Reads a completion-length field.
	 * @param fields the request
	 * @param name {@code max_tokens} or {@code max_completion_tokens}
	 * @param limits the service's limits
	 * @return the value, or null
	 */
	static Integer maxTokens(JsonFields fields, String name, RequestLimits limits) {
		return fields.integer(name, 1, limits.maxTokens());
	}

	private static ChatCompletionStreamOptions streamOptions(JsonFields fields, boolean stream) {
		JsonNode value = fields.value("stream_options");
		if (value == null) {
			return null;
		}
		JsonFields options = JsonFields.nested(value, "stream_options");
		if (!stream) {
			throw ApiException.invalidRequest("stream_options",
					"The 'stream_options' parameter is only allowed when 'stream' is enabled.");
		}
		// include_obfuscation pads chunks against side channels; Quorum sends no padding.
		options.rejectUnknown(Set.of("include_usage", "include_obfuscation"));
		options.bool("include_obfuscation");
		return new ChatCompletionStreamOptions(options.bool("include_usage"));
	}

	private static List<String> stop(JsonFields fields) {
		JsonNode value = fields.value("stop");
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return List.of(nonEmptyStop(value, "stop"));
		}
		if (!value.isArray()) {
			throw JsonFields.typeError("stop", "a string or an array of strings", value);
		}
		if (value.size() > MAX_STOP) {
			throw ApiException.invalidRequest("stop", "Invalid 'stop': expected at most " + MAX_STOP
					+ " stop sequences, but got " + value.size() + " instead.");
		}
		List<String> stop = new ArrayList<>(value.size());
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			if (!item.isString()) {
				throw JsonFields.typeError("stop[" + i + "]", "a string", item);
			}
			stop.add(nonEmptyStop(item, "stop[" + i + "]"));
		}
		return stop.isEmpty() ? null : stop;
	}

	private static String nonEmptyStop(JsonNode value, String param) {
		if (value.stringValue().isEmpty()) {
			throw ApiException.invalidRequest(param, "Invalid '" + param + "': stop sequences must not be empty.");
		}
		return value.stringValue();
	}

	private static void neutralPenalty(JsonFields fields, String name) {
		Double value = fields.number(name, -2, true, 2);
		if (value != null && value != 0) {
			throw JsonFields.unsupported(name, "repetition penalties are not applied; send 0 or leave it out.");
		}
	}

}
