// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

/**
 * The backend sent nothing for longer than the response timeout (before the headers, or
 * between two reads of a body or stream).
 */
public final class OpenAiTimeoutException extends OpenAiBackendException {

	OpenAiTimeoutException(String endpoint, String message, Throwable cause) {
		super(endpoint, message, cause);
	}

}
