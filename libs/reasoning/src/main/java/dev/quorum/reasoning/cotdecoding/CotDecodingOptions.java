// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

/**
 * How CoT-decoding picks among its branches.
 *
 * @param firstTokenFloor branches whose first token had a lower probability are dropped
 * (the most likely first token is always kept); 0 keeps all
 * @param aggregate sum the margins of branches with equivalent answers and pick the best
 * answer (the paper's "agg path") instead of the single best branch ("max path")
 * @param rule the tokens the margin averages over
 */
public record CotDecodingOptions(double firstTokenFloor, boolean aggregate, MarginRule rule) {

	/**
	 * Defaults from the tiny-reasoner probe: a floor of 0.01 (the CoT branch had p =
	 * 0.04-0.14, while the floor removed implausible digit branches at k = 10), max path,
	 * answer span.
	 */
	public static final CotDecodingOptions DEFAULT = new CotDecodingOptions(0.01, false, MarginRule.ANSWER_SPAN);

	public CotDecodingOptions {
		if (!(firstTokenFloor >= 0 && firstTokenFloor < 1)) {
			throw new IllegalArgumentException("first-token floor must be in [0, 1), got " + firstTokenFloor);
		}
		if (rule == null) {
			throw new IllegalArgumentException("rule must not be null");
		}
	}

}
