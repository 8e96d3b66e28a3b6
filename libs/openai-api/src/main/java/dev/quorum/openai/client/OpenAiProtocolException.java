// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

/**
 * The backend answered, but not in OpenAI's protocol: a body that is not the expected
 * JSON, a response larger than allowed, or a stream that ended without
 * {@code data: [DONE]}.
 */
public final class OpenAiProtocolException extends OpenAiBackendException {

	OpenAiProtocolException(String endpoint, String message, Throwable cause) {
		super(endpoint, message, cause);
	}

}
