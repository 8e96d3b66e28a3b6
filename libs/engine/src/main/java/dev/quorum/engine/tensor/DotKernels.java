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
	 */
	static void dot4x4(float[] w, int w0, float[] x, int x0, int k, float[] out, int o, int stride) {
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
		out[o] = Vec.sum(a00) + tail(w, w0, x, x0, kv, k);
		out[o + 1] = Vec.sum(a10) + tail(w, w1, x, x0, kv, k);
		out[o + 2] = Vec.sum(a20) + tail(w, w2, x, x0, kv, k);
		out[o + 3] = Vec.sum(a30) + tail(w, w3, x, x0, kv, k);
		o += stride;
		out[o] = Vec.sum(a01) + tail(w, w0, x, x1, kv, k);
		out[o + 1] = Vec.sum(a11) + tail(w, w1, x, x1, kv, k);
		out[o + 2] = Vec.sum(a21) + tail(w, w2, x, x1, kv, k);
		out[o + 3] = Vec.sum(a31) + tail(w, w3, x, x1, kv, k);
		o += stride;
		out[o] = Vec.sum(a02) + tail(w, w0, x, x2, kv, k);
		out[o + 1] = Vec.sum(a12) + tail(w, w1, x, x2, kv, k);
		out[o + 2] = Vec.sum(a22) + tail(w, w2, x, x2, kv, k);
		out[o + 3] = Vec.sum(a32) + tail(w, w3, x, x2, kv, k);
		o += stride;
		out[o] = Vec.sum(a03) + tail(w, w0, x, x3, kv, k);
		out[o + 1] = Vec.sum(a13) + tail(w, w1, x, x3, kv, k);
		out[o + 2] = Vec.sum(a23) + tail(w, w2, x, x3, kv, k);
		out[o + 3] = Vec.sum(a33) + tail(w, w3, x, x3, kv, k);
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
	 */
	static void dot4x1(float[] w, int w0, float[] x, int x0, int k, float[] out, int o) {
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
		out[o] = Vec.sum(a0) + tail(w, w0, x, x0, kv, k);
		out[o + 1] = Vec.sum(a1) + tail(w, w1, x, x0, kv, k);
		out[o + 2] = Vec.sum(a2) + tail(w, w2, x, x0, kv, k);
		out[o + 3] = Vec.sum(a3) + tail(w, w3, x, x0, kv, k);
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
		return Vec.sum(a) + tail(w, w0, x, x0, kv, k);
	}

	/**
	 * The scalar part beyond the last whole vector, in order (small enough to inline).
	 */
	static float tail(float[] w, int w0, float[] x, int x0, int from, int k) {
		return (from == k) ? 0f : tailLoop(w, w0, x, x0, from, k);
	}

	private static float tailLoop(float[] w, int w0, float[] x, int x0, int from, int k) {
		float s = 0f;
		for (int i = from; i < k; i++) {
			s += w[w0 + i] * x[x0 + i];
		}
		return s;
	}

}
