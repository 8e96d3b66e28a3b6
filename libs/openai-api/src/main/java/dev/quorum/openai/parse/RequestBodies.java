// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.OpenAiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * From request bytes to a JSON tree, with malformed input as a 400: invalid JSON, invalid
 * UTF-8, duplicate keys, trailing content after the object. Services that let Spring
 * decode the body pass its decoding failure to {@link #malformed(Throwable)} instead.
 */
public final class RequestBodies {

	private static final int MAX_REASON_CHARS = 200;

	private static final ObjectReader STRICT = OpenAiJson.mapper()
		.reader()
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private RequestBodies() {
	}

	/**
	 * Parses a request body strictly.
	 * @param body the raw bytes (UTF-8)
	 * @return the tree, which the request parsers then check
	 * @throws ApiException 400 when the body is empty or not valid JSON
	 */
	public static JsonNode readTree(byte[] body) {
		if (body == null || body.length == 0) {
			throw ApiException.invalidRequest(null, "The request body is empty; send a JSON object.");
		}
		try {
			JsonNode tree = STRICT.readTree(body);
			if (tree == null || tree.isMissingNode()) {
				throw ApiException.invalidRequest(null, "The request body is empty; send a JSON object.");
			}
			return tree;
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	/**
	 * The 400 for a body that could not be parsed, with Jackson's reason and position
	 * when the failure (or one of its causes) is a Jackson error.
	 * @param failure the parse failure, for instance Spring's decoding exception
	 * @return the error, {@code param} null and {@code code} {@code invalid_json}
	 */
	public static ApiException malformed(Throwable failure) {
		StringBuilder message = new StringBuilder("We could not parse the JSON body of your request");
		JacksonException jackson = find(failure);
		if (jackson != null) {
			String reason = String.valueOf(jackson.getOriginalMessage());
			int newline = reason.indexOf('\n');
			reason = (newline >= 0) ? reason.substring(0, newline) : reason;
			if (reason.length() > MAX_REASON_CHARS) {
				reason = reason.substring(0, MAX_REASON_CHARS) + "...";
			}
			message.append(": ").append(reason);
			TokenStreamLocation location = jackson.getLocation();
			if (location != null && location.getLineNr() > 0) {
				message.append(" (line ")
					.append(location.getLineNr())
					.append(", column ")
					.append(location.getColumnNr())
					.append(')');
			}
		}
		message.append(". The body must be a JSON object encoded as UTF-8.");
		return new ApiException(400, ErrorType.INVALID_REQUEST, message.toString(), null, "invalid_json", null);
	}

	private static JacksonException find(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

}
