// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

/**
 * Which verifier scores candidates.
 *
 * @param method the method
 * @param model the verifier model for GenRM methods ({@code null} for {@code reference})
 * @param k the number of rationales for GenRM-CoT (1 otherwise)
 */
public record VerifierSpec(VerifierMethod method, String model, int k) {

	public VerifierSpec {
		if (method == null) {
			throw new IllegalArgumentException("verifier method must not be null");
		}
		if (method != VerifierMethod.REFERENCE && (model == null || model.isBlank())) {
			throw new IllegalArgumentException("verifier method " + method.wireName() + " needs a model");
		}
		if (k < 1) {
			throw new IllegalArgumentException("verifier k must be at least 1");
		}
	}

	/**
	 * The rule-based verifier.
	 * @return a reference verifier spec
	 */
	public static VerifierSpec reference() {
		return new VerifierSpec(VerifierMethod.REFERENCE, null, 1);
	}

	/**
	 * Direct GenRM with a model.
	 * @param model the verifier model
	 * @return the spec
	 */
	public static VerifierSpec genrm(String model) {
		return new VerifierSpec(VerifierMethod.GENRM, model, 1);
	}

}
