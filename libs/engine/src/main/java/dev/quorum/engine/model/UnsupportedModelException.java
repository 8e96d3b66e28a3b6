// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

/**
 * A model file the engine cannot run: an unsupported architecture or tensor type, or a
 * missing or mis-shaped tensor. The message names it.
 */
public class UnsupportedModelException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is not supported, by name
	 */
	public UnsupportedModelException(String message) {
		super(message);
	}

}
