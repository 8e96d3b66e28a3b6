// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

/**
 * The kind of a canonical answer. Answers of different kinds are never equivalent.
 */
public enum AnswerKind {

	/**
	 * A number (integer, decimal, fraction or percent), compared as {@code BigDecimal}.
	 */
	NUMBER,

	/** A multiple-choice letter, compared by its upper-case letter. */
	CHOICE,

	/** Anything else, compared by its normalised text. */
	TEXT

}
