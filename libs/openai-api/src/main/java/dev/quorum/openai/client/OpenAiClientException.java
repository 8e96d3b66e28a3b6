// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.time.Duration;

import dev.quorum.openai.ErrorResponse;

/**
 * The backend answered with an error: an HTTP status of 400 or more, or an error frame in
 * the middle of a stream (then {@link #midStream()} is true and the status is that of the
 * stream's response, normally 200).
 */
public final class OpenAiClientException extends OpenAiBackendException {

	private final int status;

	private final ErrorResponse error;

	private final Duration retryAfter;

	private final boolean midStream;

	OpenAiClientException(String endpoint, int status, ErrorResponse error, Duration retryAfter, boolean midStream) {
		super(endpoint, describe(status, error, midStream), null);
		this.status = status;
		this.error = error;
		this.retryAfter = retryAfter;
		this.midStream = midStream;
	}

	private static String describe(int status, ErrorResponse error, boolean midStream) {
		String where = midStream ? "error frame in a stream (HTTP " + status + ")" : "HTTP " + status;
		return (error != null) ? where + ": " + error.error().message() : where + " without an OpenAI error body";
	}

	/**
	 * The HTTP status.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The parsed error body (OpenAI's envelope, or vLLM's older flat form).
	 * @return the error, or null when the body was not one
	 */
	public ErrorResponse error() {
		return this.error;
	}

	/**
	 * The backend's {@code retry-after-ms} or {@code Retry-After}.
	 * @return the delay, or null when it sent none
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the error arrived as a frame of a stream that had started.
	 * @return true for an error frame
	 */
	public boolean midStream() {
		return this.midStream;
	}

	/**
	 * The {@code error.type}, for convenience.
	 * @return the type, or null
	 */
	public String type() {
		return (this.error != null) ? this.error.error().type() : null;
	}

	/**
	 * The {@code error.param}, for convenience.
	 * @return the field the backend blamed, or null
	 */
	public String param() {
		return (this.error != null) ? this.error.error().param() : null;
	}

}
