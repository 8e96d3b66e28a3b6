// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.Locale;
import java.util.SplittableRandom;

import dev.quorum.bench.cli.Args;

/**
 * A distribution of lengths in tokens, written on the command line as {@code N} (every
 * request N), {@code uniform:A:B} (integers A to B, both included) or
 * {@code normal:MEAN:STD} (rounded, clamped to [1, 2·MEAN]).
 *
 * @param kind fixed, uniform or normal
 * @param a N, A or MEAN
 * @param b N, B or STD
 */
public record LengthDistribution(Kind kind, double a, double b) {

	/** The shapes. */
	public enum Kind {

		/** Always the same length. */
		FIXED,
		/** Uniform over an integer range. */
		UNIFORM,
		/** Gaussian, rounded and clamped. */
		NORMAL

	}

	/**
	 * Parses a specification.
	 * @param spec {@code N}, {@code uniform:A:B} or {@code normal:MEAN:STD}
	 * @return the distribution
	 * @throws Args.UsageException when the text is not one of those, or the numbers make
	 * no sense
	 */
	public static LengthDistribution parse(String spec) {
		String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
		try {
			if (p.length == 1) {
				int n = Integer.parseInt(p[0]);
				require(n >= 1, spec);
				return new LengthDistribution(Kind.FIXED, n, n);
			}
			if (p.length == 3 && p[0].equals("uniform")) {
				int lo = Integer.parseInt(p[1]);
				int hi = Integer.parseInt(p[2]);
				require(lo >= 1 && hi >= lo, spec);
				return new LengthDistribution(Kind.UNIFORM, lo, hi);
			}
			if (p.length == 3 && p[0].equals("normal")) {
				double mean = Double.parseDouble(p[1]);
				double std = Double.parseDouble(p[2]);
				require(mean >= 1 && std >= 0, spec);
				return new LengthDistribution(Kind.NORMAL, mean, std);
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the usage error
		}
		throw new Args.UsageException(
				"a length distribution is N, uniform:A:B or normal:MEAN:STD (1 <= A <= B, MEAN >= 1), got '" + spec
						+ "'");
	}

	/**
	 * Draws a length.
	 * @param random the generator
	 * @return a length of at least 1
	 */
	public int sample(SplittableRandom random) {
		return switch (this.kind) {
			case FIXED -> (int) this.a;
			case UNIFORM -> random.nextInt((int) this.a, (int) this.b + 1);
			case NORMAL -> {
				double u = 1 - random.nextDouble();
				double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
				long v = Math.round(this.a + this.b * g);
				yield (int) Math.max(1, Math.min(v, Math.round(2 * this.a)));
			}
		};
	}

	/**
	 * The largest length it can draw.
	 * @return the maximum
	 */
	public int max() {
		return switch (this.kind) {
			case FIXED -> (int) this.a;
			case UNIFORM -> (int) this.b;
			case NORMAL -> (int) Math.round(2 * this.a);
		};
	}

	private static void require(boolean ok, String spec) {
		if (!ok) {
			throw new Args.UsageException("length distribution out of range: '" + spec + "'");
		}
	}

}
