// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.time.Duration;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import dev.quorum.reasoning.ReasoningException;

/**
 * Maps the reasoning library's errors onto the OpenAI envelope: 400 naming the field, 404
 * {@code model_not_found}, 503 {@code backend_unavailable} (retry after a few seconds),
 * 504 {@code deadline_exceeded}.
 */
public final class Errors {

	private Errors() {
	}

	/**
	 * The client-facing error for a failure.
	 * @param error the failure
	 * @return an {@link ApiException}, or the failure itself when it is unexpected (the
	 * error handler then answers 500)
	 */
	public static Throwable api(Throwable error) {
		if (error instanceof ReasoningException ex) {
			return switch (ex.kind()) {
				case INVALID_REQUEST -> ApiException.invalidRequest(ex.param(), ex.getMessage());
				case NOT_FOUND -> notFound(ex.param(), ex.getMessage());
				case BACKEND_UNAVAILABLE -> ApiException.unavailable(ex.getMessage(), Duration.ofSeconds(5));
				case DEADLINE_EXCEEDED ->
					new ApiException(504, ErrorType.TIMEOUT, ex.getMessage(), ex.param(), "deadline_exceeded", null);
			};
		}
		return error;
	}

	/**
	 * A 404 for an unknown model.
	 * @param param the field that named it
	 * @param message what is unknown
	 * @return the error
	 */
	public static ApiException notFound(String param, String message) {
		return new ApiException(404, ErrorType.INVALID_REQUEST, message, param, "model_not_found", null);
	}

}
