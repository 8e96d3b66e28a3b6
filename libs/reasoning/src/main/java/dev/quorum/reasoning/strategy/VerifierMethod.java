// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.util.Locale;

/**
 * How candidates are verified.
 */
public enum VerifierMethod {

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
		for (VerifierMethod m : values()) {
			if (m.wireName().equalsIgnoreCase(name.strip())) {
				return m;
			}
		}
		throw new IllegalArgumentException(
				"unknown verifier method '" + name + "'; expected one of genrm, genrm-cot, reference");
	}

	/**
	 * The wire name.
	 * @return {@code genrm}, {@code genrm-cot} or {@code reference}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
