// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.io.IOException;

import io.netty.handler.timeout.TimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Maps transport failures of WebClient and Reactor Netty to the client's exception types.
 */
final class Failures {

	private Failures() {
	}

	/**
	 * The client-level failure for a low-level one.
	 * @param endpoint the URL called
	 * @param failure what WebClient signalled
	 * @param settings the backend's settings, for the limits in messages
	 * @return an {@link OpenAiBackendException}, or the failure itself when it is not a
	 * transport failure (a bug that should surface as it is)
	 */
	static Throwable map(String endpoint, Throwable failure, OpenAiClientSettings settings) {
		if (failure instanceof OpenAiBackendException) {
			return failure;
		}
		if (has(failure, TimeoutException.class) || has(failure, java.util.concurrent.TimeoutException.class)) {
			return new OpenAiTimeoutException(endpoint,
					"no response within the response timeout of " + settings.responseTimeout(), failure);
		}
		if (has(failure, DataBufferLimitException.class)) {
			return new OpenAiProtocolException(endpoint,
					"response larger than " + settings.maxResponseBytes() + " bytes", failure);
		}
		if (has(failure, DecodingException.class)) {
			return new OpenAiProtocolException(endpoint, "response could not be decoded", failure);
		}
		if (failure instanceof WebClientRequestException || has(failure, PrematureCloseException.class)
				|| has(failure, IOException.class)) {
			return new OpenAiConnectionException(endpoint, "connection failed: " + rootMessage(failure), failure);
		}
		return failure;
	}

	private static boolean has(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? " " + root.getMessage() : "");
	}

}
