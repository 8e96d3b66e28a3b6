// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector constants and a lane sum whose order is fixed. {@code reduceLanes(ADD)} may add
 * lanes in a different order in interpreted and compiled code, which would make a token's
 * logits depend on when the JIT kicked in; the butterfly below adds the same pairs
 * everywhere, so results are bit-for-bit reproducible.
 */
final class Vec {

	/** The float species used by every kernel: the widest the CPU has. */
	static final VectorSpecies<Float> F = (FloatVector.SPECIES_PREFERRED.length() <= 16) ? FloatVector.SPECIES_PREFERRED
			: FloatVector.SPECIES_512;

	/** Lanes per float vector. */
	static final int L = F.length();

	static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

	/** {@link #L} bytes, when such a species exists (64 bits or more); else null. */
	static final VectorSpecies<Byte> B = (L >= 8) ? VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8)) : null;

	/** Vector chunks per 32-element quantisation block. */
	static final int PARTS = 32 / L;

	private static final VectorShuffle<Float> S1 = shuffle(1);

	private static final VectorShuffle<Float> S2 = shuffle(2);

	private static final VectorShuffle<Float> S4 = shuffle(4);

	private static final VectorShuffle<Float> S8 = shuffle(8);

	private Vec() {
	}

	private static VectorShuffle<Float> shuffle(int distance) {
		return VectorShuffle.fromOp(F, (i) -> (distance < L) ? i ^ distance : i); // unused
																					// stages
																					// stay
																					// identity
	}

	/**
	 * Sums the lanes in a fixed butterfly order: lane pairs {@code (i, i ^ L/2)} first,
	 * then {@code (i, i ^ L/4)}, and so on. Dispatches through a constant strategy object
	 * chosen for the vector width, so the JIT sees straight-line code: a branch on the
	 * width that merges vectors made it box them (four times slower).
	 * @param v the vector
	 * @return the sum of its lanes
	 */
	static float sum(FloatVector v) {
		return SUM.sum(v);
	}

	/**
	 * The same sum as {@link #sum(FloatVector)} of the {@link #L} floats at {@code off},
	 * bit for bit, in scalar code: lane 0 of the butterfly is the tree below (additions
	 * commute exactly). For kernels that park many accumulators in an array: summing them
	 * here is several times cheaper than reloading each one for the shuffles.
	 * @param a the parked lanes
	 * @param off offset of lane 0
	 * @return the sum of the lanes
	 */
	static float sum(float[] a, int off) {
		return sum(a, off, L);
	}

	/**
	 * {@link #sum(float[], int)} for a given lane count. The widths vector units have (4,
	 * 8, 16 floats) are written out, so the kernels' hot loops allocate nothing; other
	 * widths run the butterfly on a copy.
	 */
	static float sum(float[] a, int off, int lanes) {
		switch (lanes) {
			case 16 -> {
				float a0 = a[off] + a[off + 8];
				float a1 = a[off + 1] + a[off + 9];
				float a2 = a[off + 2] + a[off + 10];
				float a3 = a[off + 3] + a[off + 11];
				float a4 = a[off + 4] + a[off + 12];
				float a5 = a[off + 5] + a[off + 13];
				float a6 = a[off + 6] + a[off + 14];
				float a7 = a[off + 7] + a[off + 15];
				return ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7));
			}
			case 8 -> {
				float a0 = a[off] + a[off + 4];
				float a1 = a[off + 1] + a[off + 5];
				float a2 = a[off + 2] + a[off + 6];
				float a3 = a[off + 3] + a[off + 7];
				return (a0 + a2) + (a1 + a3);
			}
			case 4 -> {
				return (a[off] + a[off + 2]) + (a[off + 1] + a[off + 3]);
			}
			default -> {
				float[] t = new float[lanes];
				System.arraycopy(a, off, t, 0, lanes);
				for (int d = lanes / 2; d >= 1; d /= 2) {
					for (int i = 0; i < d; i++) {
						t[i] += t[i + d];
					}
				}
				return t[0];
			}
		}
	}

	private static final LaneSum SUM = switch (L) {
		case 16 -> new Sum16();
		case 8 -> new Sum8();
		default -> new SumAny();
	};

	/** A lane sum for one vector width. */
	private interface LaneSum {

		float sum(FloatVector v);

	}

	private static final class Sum16 implements LaneSum {

		@Override
		public float sum(FloatVector v) {
			return fold(fold(fold(fold(v, S8), S4), S2), S1).lane(0);
		}

	}

	private static final class Sum8 implements LaneSum {

		@Override
		public float sum(FloatVector v) {
			return fold(fold(fold(v, S4), S2), S1).lane(0);
		}

	}

	private static final class SumAny implements LaneSum {

		@Override
		public float sum(FloatVector v) {
			for (int d = L / 2; d >= 1; d /= 2) {
				int distance = d;
				v = v.add(v.rearrange(VectorShuffle.fromOp(F, (i) -> i ^ distance)));
			}
			return v.lane(0);
		}

	}

	private static FloatVector fold(FloatVector v, VectorShuffle<Float> s) {
		return v.add(v.rearrange(s));
	}

}
