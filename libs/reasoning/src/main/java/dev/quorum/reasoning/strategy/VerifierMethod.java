// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import dev.quorum.reasoning.WireNamed;

/**
 * How candidates are verified.
 */
public enum VerifierMethod implements WireNamed {

	/** GenRM direct: p(Yes) after the verifier prompt. */
	GENRM,

	/** GenRM-CoT: K verification rationales, their Yes/No scores averaged. */
	GENRM_COT,

	/** Rule-based equivalence with the request's gold answer. */
	REFERENCE;

	/**
	 * Parses the wire name ({@code genrm}, {@code genrm-cot}, {@code reference}).
	 * @param name the name
	 * @return the method
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static VerifierMethod parse(String name) {
		return WireNamed.parse(values(), name, "verifier method");
	}

}
