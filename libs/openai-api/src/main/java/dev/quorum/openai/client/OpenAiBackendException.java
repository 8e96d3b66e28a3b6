// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

/**
 * A call to an OpenAI-compatible backend failed. The subtypes tell callers (and their
 * Resilience4j rules) what happened: the backend answered with an error
 * ({@link OpenAiClientException}), could not be reached or dropped the connection
 * ({@link OpenAiConnectionException}), went quiet for longer than the response timeout
 * ({@link OpenAiTimeoutException}), or answered with something that is not OpenAI's
 * protocol ({@link OpenAiProtocolException}). Messages name the endpoint, never the API
 * key.
 */
public abstract sealed class OpenAiBackendException extends RuntimeException
		permits OpenAiClientException, OpenAiConnectionException, OpenAiTimeoutException, OpenAiProtocolException {

	private final String endpoint;

	OpenAiBackendException(String endpoint, String message, Throwable cause) {
		super(message + " [" + endpoint + "]", cause);
		this.endpoint = endpoint;
	}

	/**
	 * The URL that was called.
	 * @return the endpoint URL (it never carries the key)
	 */
	public String endpoint() {
		return this.endpoint;
	}

}
