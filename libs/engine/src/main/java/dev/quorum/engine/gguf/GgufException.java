// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

/**
 * A GGUF file that cannot be read: wrong magic or version, truncated, inconsistent, or
 * missing a key the caller needs. The message names the file offset, key or tensor.
 */
public class GgufException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the key, tensor or offset
	 */
	public GgufException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what is wrong
	 * @param cause the underlying failure
	 */
	public GgufException(String message, Throwable cause) {
		super(message, cause);
	}

}
