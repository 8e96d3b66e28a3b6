// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import dev.quorum.engine.gguf.GgmlType;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.quorum.engine.tensor.Vec.B;
import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;
import static dev.quorum.engine.tensor.Vec.LE;
import static dev.quorum.engine.tensor.Vec.PARTS;

/**
 * Q4_0: blocks of 32 values stored as an f16 scale {@code d} and 16 bytes of 4-bit
 * {@code q} (18 bytes); element {@code j < 16} is the low nibble of byte {@code j},
 * element {@code j >= 16} the high nibble of byte {@code j - 16}; value =
 * {@code (q - 8) * d}.
 */
public final class Q4_0Tensor extends FloatTensor {

	static final int BLOCK_BYTES = 18;

	/** Parts that come from low nibbles. */
	private static final int HALF = Math.max(1, PARTS / 2);

	private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);

	Q4_0Tensor(MemorySegment data, int rows, int cols) {
		super(data, rows, cols);
	}

	@Override
	public GgmlType type() {
		return GgmlType.Q4_0;
	}

	@Override
	public float get(long index) {
		long block = (index >>> 5) * BLOCK_BYTES;
		float d = Float.float16ToFloat(this.data.get(SHORT, block));
		int j = (int) (index & 31);
		int q = this.data.get(ValueLayout.JAVA_BYTE, block + 2 + (j & 15));
		q = (j < 16) ? (q & 0xf) : ((q >> 4) & 0xf);
		return (q - 8) * d;
	}

	@Override
	public void dequantizeRow(int row, float[] dst, int off) {
		int blocks = this.cols >>> 5;
		long base = (long) row * blocks * BLOCK_BYTES;
		if (B == null) {
			for (int i = 0; i < this.cols; i++) {
				dst[off + i] = get((long) row * this.cols + i);
			}
			return;
		}
		for (int b = 0; b < blocks; b++) {
			long at = base + (long) b * BLOCK_BYTES;
			FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(this.data.get(SHORT, at)));
			for (int p = 0; p < PARTS; p++) {
				weights(this.data, at, p, d).intoArray(dst, off + b * 32 + p * L);
			}
		}
	}

	/** Part {@code p} of the block at {@code at}, dequantised: {@code (q - 8) * d}. */
	private static FloatVector weights(MemorySegment w, long at, int p, FloatVector d) {
		ByteVector packed = ByteVector.fromMemorySegment(B, w, at + 2 + (long) (p % HALF) * L, LE);
		ByteVector q = (p < HALF) ? packed.and((byte) 0x0f) : packed.lanewise(VectorOperators.LSHR, 4);
		return ((FloatVector) q.sub((byte) 8).convertShape(VectorOperators.B2F, F, 0)).mul(d);
	}

	@Override
	void dotRows(float[] x, int x0, float[] out, int o, int r0, int r1) {
		if (B == null) {
			super.dotRows(x, x0, out, o, r0, r1);
			return;
		}
		int blocks = this.cols >>> 5;
		long rowBytes = (long) blocks * BLOCK_BYTES;
		MemorySegment w = this.data;
		int r = r0;
		for (; r + 4 <= r1; r += 4) {
			long b0 = r * rowBytes;
			long b1 = b0 + rowBytes;
			long b2 = b1 + rowBytes;
			long b3 = b2 + rowBytes;
			FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
			for (int b = 0; b < blocks; b++) {
				long at = (long) b * BLOCK_BYTES;
				FloatVector d0 = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, b0 + at)));
				FloatVector d1 = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, b1 + at)));
				FloatVector d2 = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, b2 + at)));
				FloatVector d3 = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, b3 + at)));
				for (int p = 0; p < PARTS; p++) {
					FloatVector t = FloatVector.fromArray(F, x, x0 + b * 32 + p * L);
					a0 = weights(w, b0 + at, p, d0).fma(t, a0);
					a1 = weights(w, b1 + at, p, d1).fma(t, a1);
					a2 = weights(w, b2 + at, p, d2).fma(t, a2);
					a3 = weights(w, b3 + at, p, d3).fma(t, a3);
				}
			}
			out[o + r] = Vec.sum(a0);
			out[o + r + 1] = Vec.sum(a1);
			out[o + r + 2] = Vec.sum(a2);
			out[o + r + 3] = Vec.sum(a3);
		}
		for (; r < r1; r++) {
			long b0 = r * rowBytes;
			FloatVector a0 = FloatVector.zero(F);
			for (int b = 0; b < blocks; b++) {
				long at = b0 + (long) b * BLOCK_BYTES;
				FloatVector d0 = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, at)));
				for (int p = 0; p < PARTS; p++) {
					a0 = weights(w, at, p, d0).fma(FloatVector.fromArray(F, x, x0 + b * 32 + p * L), a0);
				}
			}
			out[o + r] = Vec.sum(a0);
		}
	}

}
