// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * How GenRM-CoT samples its verification rationales for one request.
 *
 * @param k rationales per candidate, at least 1
 * @param temperature sampling temperature in [0, 2]
 * @param seed sampling seed for reproducible rationales, or null
 */
public record CotSampling(int k, double temperature, Long seed) {

	/**
	 * Checks the values.
	 */
	public CotSampling {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1");
		}
		if (!(temperature >= 0 && temperature <= 2)) {
			throw new IllegalArgumentException("temperature must be in [0, 2]");
		}
	}

}
