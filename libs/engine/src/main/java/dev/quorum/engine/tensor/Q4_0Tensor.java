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
		return (p < HALF) ? low(packed, d) : high(packed, d);
	}

	private static FloatVector low(ByteVector packed, FloatVector d) {
		return ((FloatVector) packed.and((byte) 0x0f).sub((byte) 8).convertShape(VectorOperators.B2F, F, 0)).mul(d);
	}

	private static FloatVector high(ByteVector packed, FloatVector d) {
		return ((FloatVector) packed.lanewise(VectorOperators.LSHR, 4)
			.sub((byte) 8)
			.convertShape(VectorOperators.B2F, F, 0)).mul(d);
	}

	@Override
	void dotRows(float[] x, int x0, float[] out, int o, int r0, int r1) {
		if (B == null) {
			super.dotRows(x, x0, out, o, r0, r1);
			return;
		}
		// One row at a time: a single sequential stream per thread is what the hardware
		// prefetchers keep up with (interleaving 4 rows halved the speed from DRAM).
		int blocks = this.cols >>> 5;
		long rowBytes = (long) blocks * BLOCK_BYTES;
		MemorySegment w = this.data;
		for (int r = r0; r < r1; r++) {
			long base = r * rowBytes;
			FloatVector acc = FloatVector.zero(F);
			for (int b = 0; b < blocks; b++) {
				long at = base + (long) b * BLOCK_BYTES;
				FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, at)));
				for (int p = 0; p < PARTS; p++) {
					acc = weights(w, at, p, d).fma(FloatVector.fromArray(F, x, x0 + b * 32 + p * L), acc);
				}
			}
			out[o + r] = Vec.sum(acc);
		}
	}

	@Override
	boolean dotRows4(float[] x, int x0, float[] out, int o, int stride, int r0, int r1) {
		if (B == null) {
			return false;
		}
		int blocks = this.cols >>> 5;
		long rowBytes = (long) blocks * BLOCK_BYTES;
		MemorySegment w = this.data;
		int x1 = x0 + this.cols;
		int x2 = x1 + this.cols;
		int x3 = x2 + this.cols;
		for (int r = r0; r < r1; r++) {
			long base = r * rowBytes;
			FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
			for (int b = 0; b < blocks; b++) {
				long at = base + (long) b * BLOCK_BYTES;
				FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(w.get(SHORT, at)));
				for (int p = 0; p < PARTS; p++) {
					FloatVector v = weights(w, at, p, d);
					int i = b * 32 + p * L;
					a0 = v.fma(FloatVector.fromArray(F, x, x0 + i), a0);
					a1 = v.fma(FloatVector.fromArray(F, x, x1 + i), a1);
					a2 = v.fma(FloatVector.fromArray(F, x, x2 + i), a2);
					a3 = v.fma(FloatVector.fromArray(F, x, x3 + i), a3);
				}
			}
			out[o + r] = Vec.sum(a0);
			out[o + stride + r] = Vec.sum(a1);
			out[o + 2 * stride + r] = Vec.sum(a2);
			out[o + 3 * stride + r] = Vec.sum(a3);
		}
		return true;
	}

}
