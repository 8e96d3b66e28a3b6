// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

/**
 * The backend could not be reached (refused, unknown host, connect timeout) or closed the
 * connection before the answer was complete.
 */
public final class OpenAiConnectionException extends OpenAiBackendException {

	OpenAiConnectionException(String endpoint, String message, Throwable cause) {
		super(endpoint, message, cause);
	}

}
