// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import static dev.quorum.engine.tensor.Vec.F;

/**
 * {@code e^x} in float, the same way in vector lanes and in scalar code (Cephes' expf:
 * round {@code x / ln 2} with the 1.5 * 2^23 trick, reduce in two parts, degree-6
 * polynomial, scale by {@code 2^k} through the exponent bits). Only adds, multiplies and
 * fused multiply-adds, which are exact IEEE operations in both forms, so the result does
 * not depend on lane position, batch or JIT tier. About 1 ulp from {@link Math#exp}. The
 * Vector API's own {@code EXP} is not used: its compiled and interpreted forms differ.
 */
final class Exp {

	private static final float LOG2E = 1.44269504088896341f;

	private static final float MAGIC = 12582912f; // 1.5 * 2^23: adding it rounds to an
													// integer

	private static final int MAGIC_BITS = 0x4B400000;

	private static final float LN2_HI = 0.693359375f;

	private static final float LN2_LO = -2.12194440e-4f;

	private static final float LO = -87.3f;

	private static final float HI = 88.3f; // keeps k <= 127: 2^k stays finite

	private static final float P0 = 1.9875691500e-4f;

	private static final float P1 = 1.3981999507e-3f;

	private static final float P2 = 8.3334519073e-3f;

	private static final float P3 = 4.1665795894e-2f;

	private static final float P4 = 1.6666665459e-1f;

	private static final float P5 = 5.0000001201e-1f;

	private Exp() {
	}

	static FloatVector exp(FloatVector v) {
		FloatVector x = v.max(LO).min(HI);
		FloatVector t = x.mul(LOG2E).add(MAGIC);
		FloatVector k = t.sub(MAGIC);
		FloatVector r = k.fma(FloatVector.broadcast(F, -LN2_HI), x).add(k.mul(-LN2_LO));
		FloatVector p = r.fma(FloatVector.broadcast(F, P0), FloatVector.broadcast(F, P1));
		p = p.fma(r, FloatVector.broadcast(F, P2));
		p = p.fma(r, FloatVector.broadcast(F, P3));
		p = p.fma(r, FloatVector.broadcast(F, P4));
		p = p.fma(r, FloatVector.broadcast(F, P5));
		p = p.fma(r.mul(r), r).add(1f);
		IntVector bits = t.reinterpretAsInts().sub(MAGIC_BITS).add(127).lanewise(VectorOperators.LSHL, 23);
		return p.mul(bits.reinterpretAsFloats());
	}

	static float exp(float v) {
		float x = Math.min(Math.max(v, LO), HI);
		float t = x * LOG2E + MAGIC;
		float k = t - MAGIC;
		float r = Math.fma(k, -LN2_HI, x) + k * -LN2_LO;
		float p = Math.fma(r, P0, P1);
		p = Math.fma(p, r, P2);
		p = Math.fma(p, r, P3);
		p = Math.fma(p, r, P4);
		p = Math.fma(p, r, P5);
		p = Math.fma(p, r * r, r) + 1f;
		int bits = (Float.floatToRawIntBits(t) - MAGIC_BITS + 127) << 23;
		return p * Float.intBitsToFloat(bits);
	}

}
