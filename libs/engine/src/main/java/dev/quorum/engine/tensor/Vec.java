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
		return VectorShuffle.fromOp(F, (i) -> (distance < L) ? i ^ distance : i);
	}

	/**
	 * Sums the lanes in a fixed butterfly order. Kept under 35 bytes of bytecode (like
	 * its helpers) so the JIT always inlines it: a call that is not inlined would box the
	 * vector on every use.
	 * @param v the vector
	 * @return the sum of its lanes
	 */
	static float sum(FloatVector v) {
		return fold1(fold2(fold4(fold8(v)))).lane(0);
	}

	private static FloatVector fold8(FloatVector v) {
		return (L > 8) ? v.add(v.rearrange(S8)) : v;
	}

	private static FloatVector fold4(FloatVector v) {
		return (L > 4) ? v.add(v.rearrange(S4)) : v;
	}

	private static FloatVector fold2(FloatVector v) {
		return (L > 2) ? v.add(v.rearrange(S2)) : v;
	}

	private static FloatVector fold1(FloatVector v) {
		return (L > 1) ? v.add(v.rearrange(S1)) : v;
	}

}
