// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

/**
 * Receives a request's events, in order, on the engine thread:
 * {@link GenerationEvent.Token} for every emitted token, one
 * {@link GenerationEvent.ChoiceFinished} per choice, then one
 * {@link GenerationEvent.Completed}. Implementations must be fast and must never block
 * (hand the event to a queue or a reactive sink); a listener that throws gets its request
 * ended with {@link FinishReason#ERROR}.
 */
@FunctionalInterface
public interface TokenListener {

	/**
	 * Handles one event.
	 * @param event the event
	 */
	void onEvent(GenerationEvent event);

}
