// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.quorum.openai.ErrorResponse;
import dev.quorum.openai.OpenAiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * Reads backends' error bodies and retry hints. Accepts OpenAI's envelope
 * ({@code {"error":{...}}}), vLLM's integer {@code code}, vLLM's older flat form
 * ({@code {"object":"error","message":...}}) and a bare {@code {"error":"text"}}.
 */
final class ErrorBodies {

	private ErrorBodies() {
	}

	/**
	 * Parses an error body.
	 * @param body the bytes
	 * @return the error, or null when the body is none of the known forms
	 */
	static ErrorResponse parse(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return parse(OpenAiJson.mapper().readTree(body));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads an error from a parsed body or stream frame.
	 * @param root the JSON
	 * @return the error, or null when it is not one
	 */
	static ErrorResponse parse(JsonNode root) {
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode error = root.get("error");
		if (error != null && error.isString()) {
			return ErrorResponse.of(error.stringValue(), null, null, null);
		}
		JsonNode fields = (error != null && error.isObject()) ? error : root;
		JsonNode message = fields.get("message");
		if (message == null || message.isNull()) {
			return null;
		}
		return ErrorResponse.of(message.asString(), text(fields, "type"), text(fields, "param"), text(fields, "code"));
	}

	private static String text(JsonNode fields, String name) {
		JsonNode value = fields.get(name);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	/**
	 * The delay a backend asks for: {@code retry-after-ms}, else {@code Retry-After} in
	 * seconds or as an HTTP date.
	 * @param headers the response headers
	 * @return the delay, or null
	 */
	static Duration retryAfter(HttpHeaders headers) {
		String millis = headers.getFirst("retry-after-ms");
		if (millis != null) {
			try {
				return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.strip())));
			}
			catch (NumberFormatException ex) {
				// fall through to Retry-After
			}
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
