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
		int r = r0;
		for (; r + 4 <= r1; r += 4) {
			long b0 = r * rowBytes;
			long b1 = b0 + rowBytes;
			long b2 = b1 + rowBytes;
			long b3 = b2 + rowBytes;
			FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
			for (int i = 0; i < kv; i += L) {
				FloatVector t = FloatVector.fromArray(F, x, x0 + i);
				long bo = 4L * i;
				a0 = FloatVector.fromMemorySegment(F, w, b0 + bo, LE).fma(t, a0);
				a1 = FloatVector.fromMemorySegment(F, w, b1 + bo, LE).fma(t, a1);
				a2 = FloatVector.fromMemorySegment(F, w, b2 + bo, LE).fma(t, a2);
				a3 = FloatVector.fromMemorySegment(F, w, b3 + bo, LE).fma(t, a3);
			}
			out[o + r] = Vec.sum(a0) + tail(b0, x, x0, kv, k);
			out[o + r + 1] = Vec.sum(a1) + tail(b1, x, x0, kv, k);
			out[o + r + 2] = Vec.sum(a2) + tail(b2, x, x0, kv, k);
			out[o + r + 3] = Vec.sum(a3) + tail(b3, x, x0, kv, k);
		}
		for (; r < r1; r++) {
			long b0 = r * rowBytes;
			FloatVector a0 = FloatVector.zero(F);
			for (int i = 0; i < kv; i += L) {
				a0 = FloatVector.fromMemorySegment(F, w, b0 + 4L * i, LE).fma(FloatVector.fromArray(F, x, x0 + i), a0);
			}
			out[o + r] = Vec.sum(a0) + tail(b0, x, x0, kv, k);
		}
	}

	private float tail(long rowByte, float[] x, int x0, int from, int k) {
		float s = 0f;
		for (int i = from; i < k; i++) {
			s += this.data.get(FLOAT, rowByte + 4L * i) * x[x0 + i];
		}
		return s;
	}

}
