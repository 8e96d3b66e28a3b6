// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;

/**
 * Element-wise kernels on heap activations. Sums use the fixed-order lane sum and
 * exponentials use {@link Math#exp(double)}, so every result is reproducible bit for bit.
 */
public final class Ops {

	private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(Vec.LE);

	private Ops() {
	}

	/**
	 * RMSNorm: {@code out = x / sqrt(mean(x^2) + eps) * weight}.
	 * @param out destination
	 * @param o destination offset
	 * @param x input
	 * @param x0 input offset
	 * @param weight the norm weights, n values
	 * @param n number of elements
	 * @param eps epsilon
	 */
	public static void rmsNorm(float[] out, int o, float[] x, int x0, float[] weight, int n, float eps) {
		int nv = n - n % L;
		FloatVector acc = FloatVector.zero(F);
		for (int i = 0; i < nv; i += L) {
			FloatVector v = FloatVector.fromArray(F, x, x0 + i);
			acc = v.fma(v, acc);
		}
		float ss = Vec.sum(acc);
		for (int i = nv; i < n; i++) {
			ss += x[x0 + i] * x[x0 + i];
		}
		float scale = (float) (1.0 / Math.sqrt(ss / n + eps));
		for (int i = 0; i < nv; i += L) {
			FloatVector.fromArray(F, x, x0 + i)
				.mul(scale)
				.mul(FloatVector.fromArray(F, weight, i))
				.intoArray(out, o + i);
		}
		for (int i = nv; i < n; i++) {
			out[o + i] = x[x0 + i] * scale * weight[i];
		}
	}

	/**
	 * {@code x[x0 + i] += y[y0 + i]}.
	 * @param x accumulator
	 * @param x0 its offset
	 * @param y addend
	 * @param y0 its offset
	 * @param n number of elements
	 */
	public static void add(float[] x, int x0, float[] y, int y0, int n) {
		int nv = n - n % L;
		for (int i = 0; i < nv; i += L) {
			FloatVector.fromArray(F, x, x0 + i).add(FloatVector.fromArray(F, y, y0 + i)).intoArray(x, x0 + i);
		}
		for (int i = nv; i < n; i++) {
			x[x0 + i] += y[y0 + i];
		}
	}

	/**
	 * SwiGLU gate: {@code g[i] = silu(g[i]) * u[i]} with
	 * {@code silu(v) = v / (1 + e^-v)}. Call it once per token row: a row's results then
	 * never depend on the batch.
	 * @param g gate values, overwritten
	 * @param u up values
	 * @param off offset into both
	 * @param n number of elements
	 */
	public static void siluMul(float[] g, float[] u, int off, int n) {
		int nv = n - n % L;
		for (int i = off; i < off + nv; i += L) {
			FloatVector v = FloatVector.fromArray(F, g, i);
			v.div(Exp.exp(v.neg()).add(1f)).mul(FloatVector.fromArray(F, u, i)).intoArray(g, i);
		}
		for (int i = off + nv; i < off + n; i++) {
			float v = g[i];
			g[i] = v / (Exp.exp(-v) + 1f) * u[i];
		}
	}

	/**
	 * In-place softmax over {@code n} values.
	 * @param x values, overwritten by probabilities
	 * @param x0 offset
	 * @param n number of values
	 */
	public static void softmax(float[] x, int x0, int n) {
		int nv = n - n % L;
		float max = Float.NEGATIVE_INFINITY;
		for (int i = x0; i < x0 + nv; i += L) {
			max = Math.max(max, FloatVector.fromArray(F, x, i).reduceLanes(VectorOperators.MAX));
		}
		for (int i = x0 + nv; i < x0 + n; i++) {
			max = Math.max(max, x[i]);
		}
		FloatVector acc = FloatVector.zero(F);
		for (int i = x0; i < x0 + nv; i += L) {
			FloatVector e = Exp.exp(FloatVector.fromArray(F, x, i).sub(max));
			e.intoArray(x, i);
			acc = acc.add(e);
		}
		float sum = Vec.sum(acc);
		for (int i = x0 + nv; i < x0 + n; i++) {
			float e = Exp.exp(x[i] - max);
			x[i] = e;
			sum += e;
		}
		float inv = 1f / sum;
		for (int i = x0; i < x0 + nv; i += L) {
			FloatVector.fromArray(F, x, i).mul(inv).intoArray(x, i);
		}
		for (int i = x0 + nv; i < x0 + n; i++) {
			x[i] *= inv;
		}
	}

	/**
	 * Dot product of two heap vectors, in the canonical order.
	 * @param a first vector
	 * @param a0 its offset
	 * @param b second vector
	 * @param b0 its offset
	 * @param n length
	 * @return the dot product
	 */
	public static float dot(float[] a, int a0, float[] b, int b0, int n) {
		return DotKernels.dot1x1(a, a0, b, b0, n);
	}

	/**
	 * {@code y[y0 + i] += a * x[x0 + i]}.
	 * @param y accumulator
	 * @param y0 its offset
	 * @param a scale
	 * @param x addend
	 * @param x0 its offset
	 * @param n length
	 */
	public static void axpy(float[] y, int y0, float a, float[] x, int x0, int n) {
		int nv = n - n % L;
		for (int i = 0; i < nv; i += L) {
			FloatVector.fromArray(F, x, x0 + i)
				.fma(FloatVector.broadcast(F, a), FloatVector.fromArray(F, y, y0 + i))
				.intoArray(y, y0 + i);
		}
		for (int i = nv; i < n; i++) {
			y[y0 + i] += a * x[x0 + i];
		}
	}

	/**
	 * Index of the largest of {@code a[off .. off + n)}, the lowest one on ties: the same
	 * answer as a scalar scan with {@code >}. The maximum is found with vector max (exact
	 * in any order), then its first occurrence; rows holding a NaN take the scalar scan.
	 * @param a values
	 * @param off offset of the row
	 * @param n row length, at least 1
	 * @return the index within the row
	 */
	public static int argmax(float[] a, int off, int n) {
		int nv = n - n % L;
		if (nv == 0) {
			return argmaxScalar(a, off, n);
		}
		FloatVector m = FloatVector.fromArray(F, a, off);
		for (int i = L; i < nv; i += L) {
			m = m.max(FloatVector.fromArray(F, a, off + i));
		}
		float max = m.reduceLanes(VectorOperators.MAX);
		for (int i = nv; i < n; i++) {
			max = Math.max(max, a[off + i]);
		}
		if (Float.isNaN(max)) {
			return argmaxScalar(a, off, n);
		}
		for (int i = 0; i < nv; i += L) {
			int lane = FloatVector.fromArray(F, a, off + i).compare(VectorOperators.EQ, max).firstTrue();
			if (lane < L) {
				return i + lane;
			}
		}
		for (int i = nv; i < n; i++) {
			if (a[off + i] == max) {
				return i;
			}
		}
		return argmaxScalar(a, off, n);
	}

	private static int argmaxScalar(float[] a, int off, int n) {
		int best = 0;
		for (int i = 1; i < n; i++) {
			if (a[off + i] > a[off + best]) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * Dot product of a heap vector and floats in a segment (the KV cache).
	 * @param a heap vector
	 * @param a0 its offset
	 * @param b segment of little-endian floats
	 * @param b0 byte offset in {@code b}
	 * @param n length
	 * @return the dot product
	 */
	public static float dot(float[] a, int a0, MemorySegment b, long b0, int n) {
		int nv = n - n % L;
		FloatVector acc = FloatVector.zero(F);
		for (int i = 0; i < nv; i += L) {
			acc = FloatVector.fromArray(F, a, a0 + i)
				.fma(FloatVector.fromMemorySegment(F, b, b0 + 4L * i, Vec.LE), acc);
		}
		float s = Vec.sum(acc);
		float t = 0f;
		for (int i = nv; i < n; i++) {
			t += a[a0 + i] * b.get(FLOAT, b0 + 4L * i);
		}
		return s + t;
	}

	/**
	 * A weighted sum of rows in a segment (attention's values):
	 * {@code y[y0 + i] += w[w0 + j] * x[x0 + j*stride + 4i]} for {@code j} in
	 * {@code 0..count-1}, in that order, and {@code i} in {@code 0..n-1}. Each element
	 * gets exactly the operations of {@code count} calls of
	 * {@link #axpy(float[], int, float, MemorySegment, long, int)}, but the first
	 * {@code 4L}-wide chunks of {@code y} stay in registers across the rows instead of
	 * being loaded and stored once per row.
	 * @param y accumulator
	 * @param y0 its offset
	 * @param n elements per row
	 * @param w row weights
	 * @param w0 offset of the first row's weight
	 * @param count number of rows
	 * @param x segment of little-endian floats
	 * @param x0 byte offset of the first row
	 * @param stride bytes from one row to the next
	 */
	public static void weightedSum(float[] y, int y0, int n, float[] w, int w0, int count, MemorySegment x, long x0,
			long stride) {
		int wide = n - n % (4 * L);
		for (int c = 0; c < wide; c += 4 * L) {
			FloatVector a0 = FloatVector.fromArray(F, y, y0 + c);
			FloatVector a1 = FloatVector.fromArray(F, y, y0 + c + L);
			FloatVector a2 = FloatVector.fromArray(F, y, y0 + c + 2 * L);
			FloatVector a3 = FloatVector.fromArray(F, y, y0 + c + 3 * L);
			long at = x0 + 4L * c;
			for (int j = 0; j < count; j++, at += stride) {
				FloatVector s = FloatVector.broadcast(F, w[w0 + j]);
				a0 = FloatVector.fromMemorySegment(F, x, at, Vec.LE).fma(s, a0);
				a1 = FloatVector.fromMemorySegment(F, x, at + 4L * L, Vec.LE).fma(s, a1);
				a2 = FloatVector.fromMemorySegment(F, x, at + 8L * L, Vec.LE).fma(s, a2);
				a3 = FloatVector.fromMemorySegment(F, x, at + 12L * L, Vec.LE).fma(s, a3);
			}
			a0.intoArray(y, y0 + c);
			a1.intoArray(y, y0 + c + L);
			a2.intoArray(y, y0 + c + 2 * L);
			a3.intoArray(y, y0 + c + 3 * L);
		}
		int full = n - n % L;
		for (int c = wide; c < full; c += L) {
			FloatVector a = FloatVector.fromArray(F, y, y0 + c);
			long at = x0 + 4L * c;
			for (int j = 0; j < count; j++, at += stride) {
				a = FloatVector.fromMemorySegment(F, x, at, Vec.LE).fma(FloatVector.broadcast(F, w[w0 + j]), a);
			}
			a.intoArray(y, y0 + c);
		}
		if (full < n) {
			long at = x0 + 4L * full;
			for (int j = 0; j < count; j++, at += stride) {
				axpy(y, y0 + full, w[w0 + j], x, at, n - full); // fewer than L: axpy's
																// scalar loop
			}
		}
	}

	/**
	 * {@code y[y0 + i] += a * x[i]} with {@code x} in a segment (the KV cache).
	 * @param y accumulator
	 * @param y0 its offset
	 * @param a scale
	 * @param x segment of little-endian floats
	 * @param x0 byte offset in {@code x}
	 * @param n length
	 */
	public static void axpy(float[] y, int y0, float a, MemorySegment x, long x0, int n) {
		int nv = n - n % L;
		FloatVector av = FloatVector.broadcast(F, a);
		for (int i = 0; i < nv; i += L) {
			FloatVector.fromMemorySegment(F, x, x0 + 4L * i, Vec.LE)
				.fma(av, FloatVector.fromArray(F, y, y0 + i))
				.intoArray(y, y0 + i);
		}
		for (int i = nv; i < n; i++) {
			y[y0 + i] += a * x.get(FLOAT, x0 + 4L * i);
		}
	}

}
