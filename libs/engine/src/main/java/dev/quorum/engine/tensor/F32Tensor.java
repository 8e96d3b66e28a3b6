// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import dev.quorum.engine.gguf.GgmlType;
import jdk.incubator.vector.FloatVector;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;
import static dev.quorum.engine.tensor.Vec.LE;

/**
 * IEEE float32 elements.
 */
public final class F32Tensor extends FloatTensor {

	static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);

	F32Tensor(MemorySegment data, int rows, int cols) {
		super(data, rows, cols);
	}

	@Override
	public GgmlType type() {
		return GgmlType.F32;
	}

	@Override
	public float get(long index) {
		return this.data.get(FLOAT, index * 4);
	}

	@Override
	public void dequantizeRow(int row, float[] dst, int off) {
		MemorySegment.copy(this.data, FLOAT, (long) row * this.cols * 4, dst, off, this.cols);
	}

	@Override
	void dotRows(float[] x, int x0, float[] out, int o, int r0, int r1) {
		int k = this.cols;
		int kv = k - k % L;
		long rowBytes = 4L * k;
		MemorySegment w = this.data;
		// one row at a time: a single sequential stream per thread (see Q8_0Tensor)
		for (int r = r0; r < r1; r++) {
			long base = r * rowBytes;
			FloatVector acc = FloatVector.zero(F);
			for (int i = 0; i < kv; i += L) {
				acc = FloatVector.fromMemorySegment(F, w, base + 4L * i, LE)
					.fma(FloatVector.fromArray(F, x, x0 + i), acc);
			}
			out[o + r] = withTail(Vec.sum(acc), base, x, x0, kv, k);
		}
	}

	@Override
	boolean dotRows4(float[] x, int x0, float[] out, int o, int stride, int r0, int r1) {
		int k = this.cols;
		int kv = k - k % L;
		long rowBytes = 4L * k;
		MemorySegment w = this.data;
		int x1 = x0 + k;
		int x2 = x1 + k;
		int x3 = x2 + k;
		for (int r = r0; r < r1; r++) {
			long base = r * rowBytes;
			FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
			for (int i = 0; i < kv; i += L) {
				FloatVector v = FloatVector.fromMemorySegment(F, w, base + 4L * i, LE);
				a0 = v.fma(FloatVector.fromArray(F, x, x0 + i), a0);
				a1 = v.fma(FloatVector.fromArray(F, x, x1 + i), a1);
				a2 = v.fma(FloatVector.fromArray(F, x, x2 + i), a2);
				a3 = v.fma(FloatVector.fromArray(F, x, x3 + i), a3);
			}
			out[o + r] = withTail(Vec.sum(a0), base, x, x0, kv, k);
			out[o + stride + r] = withTail(Vec.sum(a1), base, x, x1, kv, k);
			out[o + 2 * stride + r] = withTail(Vec.sum(a2), base, x, x2, kv, k);
			out[o + 3 * stride + r] = withTail(Vec.sum(a3), base, x, x3, kv, k);
		}
		return true;
	}

	private float withTail(float s, long rowByte, float[] x, int x0, int from, int k) {
		return (from == k) ? s : s + tailLoop(rowByte, x, x0, from, k);
	}

	private float tailLoop(long rowByte, float[] x, int x0, int from, int k) {
		float s = 0f;
		for (int i = from; i < k; i++) {
			s += this.data.get(FLOAT, rowByte + 4L * i) * x[x0 + i];
		}
		return s;
	}

}
