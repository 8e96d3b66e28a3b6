// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;

/**
 * Vectorised conversions of 16-bit floats (IEEE half and bfloat16) to float32, exact and
 * equal to {@link Float#float16ToFloat(short)} and to the bfloat16 bit shift.
 */
final class Half {

	/** {@link Vec#L} shorts. */
	static final VectorSpecies<Short> S = VectorSpecies.of(short.class, VectorShape.forBitSize(L * 16));

	static final VectorSpecies<Integer> I = F.withLanes(int.class).withShape(F.vectorShape()).check(int.class);

	private static final float TWO_POW_112 = 0x1p112f;

	private Half() {
	}

	/**
	 * IEEE half to float: the exponent and mantissa bits shifted into place and rescaled
	 * by 2^112 (which also handles subnormals), infinities and NaNs patched, the sign
	 * copied.
	 * @param h {@link Vec#L} half-precision values
	 * @return the floats
	 */
	static FloatVector f16(ShortVector h) {
		IntVector i = (IntVector) h.convertShape(VectorOperators.S2I, I, 0);
		IntVector em = i.and(0x7fff);
		IntVector shifted = em.lanewise(VectorOperators.LSHL, 13);
		IntVector finite = shifted.reinterpretAsFloats().mul(TWO_POW_112).reinterpretAsInts();
		VectorMask<Integer> special = em.compare(VectorOperators.GE, 0x7c00);
		IntVector bits = finite.blend(shifted.or(0x7f800000), special);
		return bits.or(i.and(0x8000).lanewise(VectorOperators.LSHL, 16)).reinterpretAsFloats();
	}

	/**
	 * bfloat16 to float: the 16 bits become the upper half of the float.
	 * @param b {@link Vec#L} bfloat16 values
	 * @return the floats
	 */
	static FloatVector bf16(ShortVector b) {
		IntVector i = (IntVector) b.convertShape(VectorOperators.S2I, I, 0);
		return i.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
	}

	/**
	 * Scalar bfloat16 to float.
	 * @param bits the stored 16 bits
	 * @return the float
	 */
	static float bf16(short bits) {
		return Float.intBitsToFloat((bits & 0xffff) << 16);
	}

}
