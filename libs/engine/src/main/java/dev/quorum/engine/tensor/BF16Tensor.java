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
		// one row at a time: a single sequential stream per thread (see Q8_0Tensor)
		long rowBytes = 2L * k;
		MemorySegment w = this.data;
		for (int r = r0; r < r1; r++) {
			long base = r * rowBytes;
			FloatVector acc = FloatVector.zero(F);
			for (int i = 0; i < k; i += L) {
				acc = Half.bf16(ShortVector.fromMemorySegment(Half.S, w, base + 2L * i, LE))
					.fma(FloatVector.fromArray(F, x, x0 + i), acc);
			}
			out[o + r] = Vec.sum(acc);
		}
	}

}
