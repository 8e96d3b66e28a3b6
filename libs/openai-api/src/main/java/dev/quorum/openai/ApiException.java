// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

import java.time.Duration;

/**
 * An error the client should see as it is: status, OpenAI error type, message, and the
 * request field at fault. Thrown (or signalled) anywhere in a service; the services'
 * error handler writes it.
 */
public class ApiException extends RuntimeException {

	private final int status;

	private final ErrorType type;

	private final String param;

	private final String code;

	private final Duration retryAfter;

	/**
	 * Creates an error.
	 * @param status the HTTP status
	 * @param type the OpenAI error type
	 * @param message text for the client; never internal details
	 * @param param the request field at fault, or null
	 * @param code a machine-readable code, or null
	 * @param retryAfter when the client may retry (sent as {@code Retry-After}), or null
	 */
	public ApiException(int status, ErrorType type, String message, String param, String code, Duration retryAfter) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.param = param;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	/**
	 * 400 naming the field at fault.
	 * @param param the request field
	 * @param message what is wrong with it
	 * @return the error
	 */
	public static ApiException invalidRequest(String param, String message) {
		return new ApiException(400, ErrorType.INVALID_REQUEST, message, param, null, null);
	}

	/**
	 * 404 for an unknown model.
	 * @param model the model the request named
	 * @return the error
	 */
	public static ApiException modelNotFound(String model) {
		return new ApiException(404, ErrorType.INVALID_REQUEST, "The model '" + model + "' does not exist", "model",
				"model_not_found", null);
	}

	/**
	 * 503 for a backend that is down or refusing work.
	 * @param message what is unavailable
	 * @param retryAfter when to retry
	 * @return the error
	 */
	public static ApiException unavailable(String message, Duration retryAfter) {
		return new ApiException(503, ErrorType.SERVICE_UNAVAILABLE, message, null, "backend_unavailable", retryAfter);
	}

	/**
	 * 504 for a backend that did not answer in time.
	 * @param message what timed out
	 * @return the error
	 */
	public static ApiException timeout(String message) {
		return new ApiException(504, ErrorType.TIMEOUT, message, null, "backend_timeout", null);
	}

	/** The HTTP status. */
	public int status() {
		return this.status;
	}

	/** The OpenAI error type. */
	public ErrorType type() {
		return this.type;
	}

	/** The request field at fault, or null. */
	public String param() {
		return this.param;
	}

	/** The machine-readable code, or null. */
	public String code() {
		return this.code;
	}

	/** When the client may retry, or null. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
