// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted generation. Thread-safe.
 */
public interface GenerationHandle {

	/**
	 * The engine's id for the request.
	 * @return a positive number, unique per engine
	 */
	long id();

	/**
	 * Cancels the request at the next step boundary: unfinished choices end with
	 * {@link FinishReason#CANCELLED} and their KV blocks are freed. Harmless when already
	 * finished.
	 */
	void cancel();

	/**
	 * Completes with the last event. Do not wait on it from a listener (the engine
	 * thread).
	 * @return the completion
	 */
	CompletableFuture<GenerationEvent.Completed> completion();

}
