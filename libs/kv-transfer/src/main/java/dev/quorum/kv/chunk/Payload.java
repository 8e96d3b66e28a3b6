// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Moves one (rows, cols) float matrix, K or V of one layer, in and out of a blob in a
 * given dtype. Bulk copies through {@link MemorySegment}; the per-value loops convert
 * between plain arrays so that C2 can vectorise them (F16 conversions and rounding are
 * intrinsics).
 */
final class Payload {

	static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private static final float Q8_MAX = 127f;

	private Payload() {
	}

	/**
	 * Bytes one matrix takes.
	 * @param dtype the dtype
	 * @param rows tokens
	 * @param cols floats per token
	 * @return F32: 4 rows cols; F16: 2 rows cols; Q8: 4 rows (scales) + rows cols
	 */
	static long bytes(KvDtype dtype, int rows, int cols) {
		long values = (long) rows * cols;
		return switch (dtype) {
			case F32 -> 4 * values;
			case F16 -> 2 * values;
			case Q8 -> 4L * rows + values;
		};
	}

	/**
	 * Writes a matrix at {@code offset}.
	 * @param dtype the dtype
	 * @param src the matrix, (rows, cols)
	 * @param rows tokens
	 * @param cols floats per token
	 * @param blob the blob
	 * @param offset where the matrix starts
	 * @param halves scratch of at least rows*cols (F16 only, else unused)
	 * @throws IllegalArgumentException when a Q8 row holds a non-finite value
	 */
	static void write(KvDtype dtype, float[] src, int rows, int cols, byte[] blob, int offset, short[] halves) {
		MemorySegment dst = MemorySegment.ofArray(blob);
		int n = rows * cols;
		switch (dtype) {
			case F32 -> MemorySegment.copy(src, 0, dst, FLOAT, offset, n);
			case F16 -> {
				for (int i = 0; i < n; i++) {
					halves[i] = Float.floatToFloat16(src[i]);
				}
				MemorySegment.copy(halves, 0, dst, SHORT, offset, n);
			}
			case Q8 -> writeQ8(src, rows, cols, blob, dst, offset);
		}
	}

	// Layout: (rows) F32 scales, then (rows, cols) int8. Row r is x = q * scale[r].
	private static void writeQ8(float[] src, int rows, int cols, byte[] blob, MemorySegment dst, int offset) {
		int quants = offset + 4 * rows;
		for (int r = 0; r < rows; r++) {
			int base = r * cols;
			float absmax = 0f;
			for (int j = 0; j < cols; j++) {
				absmax = Math.max(absmax, Math.abs(src[base + j]));
			}
			if (!Float.isFinite(absmax)) {
				throw new IllegalArgumentException("Q8 cannot encode a row with non-finite values (row " + r + ")");
			}
			float scale = absmax / Q8_MAX;
			float inverse = (absmax == 0f) ? 0f : Q8_MAX / absmax;
			dst.set(FLOAT, offset + 4L * r, scale);
			int out = quants + base;
			for (int j = 0; j < cols; j++) {
				// |x * inverse| <= 127 up to one rounding step; the clamp keeps it there.
				int q = Math.round(src[base + j] * inverse);
				blob[out + j] = (byte) Math.clamp(q, -127, 127);
			}
		}
	}

	/**
	 * Reads a matrix at {@code offset}.
	 * @param dtype the dtype
	 * @param blob the blob
	 * @param offset where the matrix starts
	 * @param rows tokens
	 * @param cols floats per token
	 * @param dst the matrix, (rows, cols)
	 * @param halves scratch of at least rows*cols (F16 only, else unused)
	 */
	static void read(KvDtype dtype, byte[] blob, int offset, int rows, int cols, float[] dst, short[] halves) {
		MemorySegment src = MemorySegment.ofArray(blob);
		int n = rows * cols;
		switch (dtype) {
			case F32 -> MemorySegment.copy(src, FLOAT, offset, dst, 0, n);
			case F16 -> {
				MemorySegment.copy(src, SHORT, offset, halves, 0, n);
				for (int i = 0; i < n; i++) {
					dst[i] = Float.float16ToFloat(halves[i]);
				}
			}
			case Q8 -> {
				int quants = offset + 4 * rows;
				for (int r = 0; r < rows; r++) {
					float scale = src.get(FLOAT, offset + 4L * r);
					int base = r * cols;
					int in = quants + base;
					for (int j = 0; j < cols; j++) {
						dst[base + j] = blob[in + j] * scale;
					}
				}
			}
		}
	}

}
