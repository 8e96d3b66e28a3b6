// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

/**
 * One model of a strategy.
 *
 * @param name the model name (resolved to a backend by the service)
 * @param weight the vote weight of each of its samples in an ensemble, finite and
 * positive
 * @param n its own sample count in an ensemble, or 0 to use the spec's {@code n}
 */
public record ModelSpec(String name, double weight, int n) {

	public ModelSpec {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("model name must not be blank");
		}
		if (!(weight > 0 && Double.isFinite(weight)) || n < 0) {
			throw new IllegalArgumentException("model " + name + ": weight must be > 0 and n >= 0");
		}
	}

	/**
	 * A model with weight 1 and the spec's {@code n}.
	 * @param name the model name
	 * @return the model spec
	 */
	public static ModelSpec of(String name) {
		return new ModelSpec(name, 1.0, 0);
	}

	/**
	 * The samples to draw from this model.
	 * @param specN the spec's {@code n}
	 * @return {@code n} when set, else {@code specN}
	 */
	public int samples(int specN) {
		return (this.n > 0) ? this.n : specN;
	}

}
