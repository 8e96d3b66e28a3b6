// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

/**
 * SplitMix64: a small, fully specified generator, so a seed gives the same numbers on
 * every JVM. One per sequence; not thread-safe.
 */
public final class Rng {

	private long state;

	/**
	 * Seeds the generator.
	 * @param seed the seed
	 */
	public Rng(long seed) {
		this.state = seed;
	}

	/**
	 * The next 64 random bits.
	 * @return bits
	 */
	public long nextLong() {
		long z = (this.state += 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * A uniform double in [0, 1).
	 * @return the number
	 */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

}
