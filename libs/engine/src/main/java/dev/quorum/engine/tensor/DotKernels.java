// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import jdk.incubator.vector.FloatVector;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;

/**
 * Register-tiled F32 dot products over rows that are already dequantised into a heap
 * array. Every (row, token) pair is computed the same way in every tile shape: one
 * accumulator over chunks of {@link Vec#L} elements in order, a fixed-order lane sum,
 * then the scalar tail. So a token's result never depends on which other tokens share the
 * step, which is what makes batched and single-stream generation identical.
 * <p>
 * Kernels with several accumulators park them in a small array and reduce them in a loop:
 * sixteen lane sums written out after the main loop made the JIT give up on intrinsifying
 * part of the method and halved its speed.
 */
final class DotKernels {

	private DotKernels() {
	}

	/**
	 * 4 rows x 4 tokens.
	 * @param w rows at {@code w0 + i*k}, i in 0..3
	 * @param w0 offset of the first row
	 * @param x tokens at {@code x0 + j*k}, j in 0..3
	 * @param x0 offset of the first token
	 * @param k row length
	 * @param out results at {@code o + j*stride + i}
	 * @param o offset of (token 0, row 0)
	 * @param stride distance between tokens in {@code out}
	 * @param sums scratch of at least {@code 16 * L} floats
	 */
	static void dot4x4(float[] w, int w0, float[] x, int x0, int k, float[] out, int o, int stride, float[] sums) {
		int kv = k - k % L;
		int w1 = w0 + k;
		int w2 = w1 + k;
		int w3 = w2 + k;
		int x1 = x0 + k;
		int x2 = x1 + k;
		int x3 = x2 + k;
		FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
		FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
		FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
		FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
		for (int i = 0; i < kv; i += L) {
			FloatVector r0 = FloatVector.fromArray(F, w, w0 + i);
			FloatVector r1 = FloatVector.fromArray(F, w, w1 + i);
			FloatVector r2 = FloatVector.fromArray(F, w, w2 + i);
			FloatVector r3 = FloatVector.fromArray(F, w, w3 + i);
			FloatVector t = FloatVector.fromArray(F, x, x0 + i);
			a00 = r0.fma(t, a00);
			a10 = r1.fma(t, a10);
			a20 = r2.fma(t, a20);
			a30 = r3.fma(t, a30);
			t = FloatVector.fromArray(F, x, x1 + i);
			a01 = r0.fma(t, a01);
			a11 = r1.fma(t, a11);
			a21 = r2.fma(t, a21);
			a31 = r3.fma(t, a31);
			t = FloatVector.fromArray(F, x, x2 + i);
			a02 = r0.fma(t, a02);
			a12 = r1.fma(t, a12);
			a22 = r2.fma(t, a22);
			a32 = r3.fma(t, a32);
			t = FloatVector.fromArray(F, x, x3 + i);
			a03 = r0.fma(t, a03);
			a13 = r1.fma(t, a13);
			a23 = r2.fma(t, a23);
			a33 = r3.fma(t, a33);
		}
		// (token j, row i) at sums[(4j + i) * L]
		a00.intoArray(sums, 0);
		a10.intoArray(sums, L);
		a20.intoArray(sums, 2 * L);
		a30.intoArray(sums, 3 * L);
		a01.intoArray(sums, 4 * L);
		a11.intoArray(sums, 5 * L);
		a21.intoArray(sums, 6 * L);
		a31.intoArray(sums, 7 * L);
		a02.intoArray(sums, 8 * L);
		a12.intoArray(sums, 9 * L);
		a22.intoArray(sums, 10 * L);
		a32.intoArray(sums, 11 * L);
		a03.intoArray(sums, 12 * L);
		a13.intoArray(sums, 13 * L);
		a23.intoArray(sums, 14 * L);
		a33.intoArray(sums, 15 * L);
		finish(sums, 4, 4, w, w0, x, x0, kv, k, out, o, stride);
	}

	/**
	 * Lane sums (plus tails) of parked accumulators: (token j, row i) at
	 * {@code sums[(rows*j + i) * L]}. A separate method on purpose: left inside a kernel,
	 * the JIT unrolls it into more vector nodes than it will intrinsify.
	 */
	static void finish(float[] sums, int tokens, int rows, float[] w, int w0, float[] x, int x0, int kv, int k,
			float[] out, int o, int stride) {
		for (int j = 0; j < tokens; j++) {
			for (int i = 0; i < rows; i++) {
				out[o + j * stride + i] = withTail(Vec.sum(sums, (rows * j + i) * L), w, w0 + i * k, x, x0 + j * k, kv,
						k);
			}
		}
	}

	/**
	 * 4 rows x 1 token.
	 * @param w rows at {@code w0 + i*k}
	 * @param w0 offset of the first row
	 * @param x the token at {@code x0}
	 * @param x0 offset of the token
	 * @param k row length
	 * @param out results at {@code o + i}
	 * @param o offset of row 0's result
	 * @param sums scratch of at least {@code 4 * L} floats
	 */
	static void dot4x1(float[] w, int w0, float[] x, int x0, int k, float[] out, int o, float[] sums) {
		int kv = k - k % L;
		int w1 = w0 + k;
		int w2 = w1 + k;
		int w3 = w2 + k;
		FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
		for (int i = 0; i < kv; i += L) {
			FloatVector t = FloatVector.fromArray(F, x, x0 + i);
			a0 = FloatVector.fromArray(F, w, w0 + i).fma(t, a0);
			a1 = FloatVector.fromArray(F, w, w1 + i).fma(t, a1);
			a2 = FloatVector.fromArray(F, w, w2 + i).fma(t, a2);
			a3 = FloatVector.fromArray(F, w, w3 + i).fma(t, a3);
		}
		a0.intoArray(sums, 0);
		a1.intoArray(sums, L);
		a2.intoArray(sums, 2 * L);
		a3.intoArray(sums, 3 * L);
		finish(sums, 1, 4, w, w0, x, x0, kv, k, out, o, 0);
	}

	/**
	 * 1 row x 1 token.
	 * @param w the row at {@code w0}
	 * @param w0 offset of the row
	 * @param x the token at {@code x0}
	 * @param x0 offset of the token
	 * @param k row length
	 * @return the dot product
	 */
	static float dot1x1(float[] w, int w0, float[] x, int x0, int k) {
		int kv = k - k % L;
		FloatVector a = FloatVector.zero(F);
		for (int i = 0; i < kv; i += L) {
			a = FloatVector.fromArray(F, w, w0 + i).fma(FloatVector.fromArray(F, x, x0 + i), a);
		}
		return withTail(Vec.sum(a), w, w0, x, x0, kv, k);
	}

	/** Adds the scalar part beyond the last whole vector, in order, when there is one. */
	static float withTail(float s, float[] w, int w0, float[] x, int x0, int from, int k) {
		return (from == k) ? s : s + tailLoop(w, w0, x, x0, from, k);
	}

	private static float tailLoop(float[] w, int w0, float[] x, int x0, int from, int k) {
		float s = 0f;
		for (int i = from; i < k; i++) {
			s += w[w0 + i] * x[x0 + i];
		}
		return s;
	}

}
