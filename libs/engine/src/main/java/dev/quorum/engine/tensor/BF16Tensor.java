// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import dev.quorum.engine.gguf.GgmlType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ShortVector;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;
import static dev.quorum.engine.tensor.Vec.LE;

/**
 * bfloat16 elements (the upper 16 bits of a float32).
 */
public final class BF16Tensor extends FloatTensor {

	static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);

	BF16Tensor(MemorySegment data, int rows, int cols) {
		super(data, rows, cols);
	}

	@Override
	public GgmlType type() {
		return GgmlType.BF16;
	}

	@Override
	public float get(long index) {
		return Half.bf16(this.data.get(SHORT, index * 2));
	}

	@Override
	public void dequantizeRow(int row, float[] dst, int off) {
		int k = this.cols;
		int kv = k - k % L;
		long base = 2L * row * k;
		for (int i = 0; i < kv; i += L) {
			Half.bf16(ShortVector.fromMemorySegment(Half.S, this.data, base + 2L * i, LE)).intoArray(dst, off + i);
		}
		for (int i = kv; i < k; i++) {
			dst[off + i] = Half.bf16(this.data.get(SHORT, base + 2L * i));
		}
	}

	@Override
	void dotRows(float[] x, int x0, float[] out, int o, int r0, int r1) {
		int k = this.cols;
		if (k % L != 0) {
			super.dotRows(x, x0, out, o, r0, r1);
			return;
		}
		long rowBytes = 2L * k;
		MemorySegment w = this.data;
		int r = r0;
		for (; r + 4 <= r1; r += 4) {
			long b0 = r * rowBytes;
			long b1 = b0 + rowBytes;
			long b2 = b1 + rowBytes;
			long b3 = b2 + rowBytes;
			FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
			for (int i = 0; i < k; i += L) {
				FloatVector t = FloatVector.fromArray(F, x, x0 + i);
				long bo = 2L * i;
				a0 = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, b0 + bo, LE)).fma(t, a0);
				a1 = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, b1 + bo, LE)).fma(t, a1);
				a2 = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, b2 + bo, LE)).fma(t, a2);
				a3 = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, b3 + bo, LE)).fma(t, a3);
			}
			out[o + r] = Vec.sum(a0);
			out[o + r + 1] = Vec.sum(a1);
			out[o + r + 2] = Vec.sum(a2);
			out[o + r + 3] = Vec.sum(a3);
		}
		for (; r < r1; r++) {
			long b0 = r * rowBytes;
			FloatVector a0 = FloatVector.zero(F);
			for (int i = 0; i < k; i += L) {
				a0 = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, b0 + 2L * i, LE))
					.fma(FloatVector.fromArray(F, x, x0 + i), a0);
			}
			out[o + r] = Vec.sum(a0);
		}
	}

}
