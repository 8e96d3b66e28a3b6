// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OpenAI's error envelope: {@code {"error":{"message","type","param","code"}}}. All four
 * keys are always written; {@code param} and {@code code} may be null.
 *
 * @param error the error
 */
public record ErrorResponse(@JsonProperty("error") Error error) {

	/**
	 * One error.
	 *
	 * @param message human-readable text; never a stack trace
	 * @param type the error class, e.g. {@code invalid_request_error}
	 * @param param the request field at fault, or null
	 * @param code a machine-readable code, e.g. {@code model_not_found}, or null
	 */
	@JsonInclude(Include.ALWAYS)
	public record Error(@JsonProperty("message") String message, @JsonProperty("type") String type,
			@JsonProperty("param") String param, @JsonProperty("code") String code) {
	}

	/**
	 * Shorthand for {@code new ErrorResponse(new Error(...))}.
	 * @param message human-readable text
	 * @param type the error class
	 * @param param the request field at fault, or null
	 * @param code a machine-readable code, or null
	 * @return the envelope
	 */
	public static ErrorResponse of(String message, String type, String param, String code) {
		return new ErrorResponse(new Error(message, type, param, code));
	}

}
