// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

/**
 * Which tokens a branch's confidence averages over.
 */
public enum MarginRule {

	/** The paper's rule: the tokens that overlap the extracted answer's characters. */
	ANSWER_SPAN,

	/**
	 * Every token after the forced first one (the probe's "whole path" alternative, kept
	 * for the accuracy benchmark).
	 */
	WHOLE_PATH

}
