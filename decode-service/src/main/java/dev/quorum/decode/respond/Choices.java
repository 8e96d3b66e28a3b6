// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.respond;

import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.ErrorType;

/**
 * What chat and legacy completions share: finish reasons, usage, engine errors.
 */
final class Choices {

	private Choices() {
	}

	static String finishReason(FinishReason reason) {
		return switch (reason) {
			case STOP -> "stop";
			case LENGTH -> "length";
			case CANCELLED, ERROR -> null;
		};
	}

	static CompletionUsage usage(GenerationEvent.Completed completed) {
		GenerationEvent.Usage u = completed.usage();
		return CompletionUsage.of(u.promptTokens(), u.completionTokens(), u.cachedPromptTokens(), null);
	}

	/**
	 * Fails when the engine reported an error (its message is logged by the handler, not
	 * sent).
	 */
	static void check(GenerationEvent.Completed completed) {
		if (completed.error() != null) {
			throw new EngineFailure(completed.error());
		}
	}

	/** An engine-side failure; the client sees a 500 with the request id. */
	static final class EngineFailure extends RuntimeException {

		EngineFailure(String message) {
			super("engine failed: " + message);
		}

	}

	static ApiException cancelled() {
		return new ApiException(503, ErrorType.SERVICE_UNAVAILABLE,
				"The request was cancelled (the service is shutting down)", null, "cancelled", null);
	}

}
