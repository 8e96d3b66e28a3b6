// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

/**
 * Why a choice ended.
 */
public enum FinishReason {

	/** A stop token or stop string. */
	STOP,
	/** {@code maxTokens} or the model's context length was reached. */
	LENGTH,
	/** The request was cancelled or the engine closed. */
	CANCELLED,
	/** The engine failed; the completion event carries the message. */
	ERROR

}
