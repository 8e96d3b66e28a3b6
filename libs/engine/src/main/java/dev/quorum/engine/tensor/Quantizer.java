// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.quorum.engine.gguf.GgmlType;

/**
 * Encodes float32 values into the stored GGUF types, bit for bit as llama.cpp's reference
 * quantisers do ({@code quantize_row_q8_0_ref}, {@code quantize_row_q4_0_ref}, IEEE
 * round-to-nearest-even for F16 and BF16). For making model files in tests, benchmarks
 * and tools; not used at inference time.
 */
public final class Quantizer {

	private Quantizer() {
	}

	/**
	 * Encodes values.
	 * @param type F32, F16, BF16, Q8_0 or Q4_0
	 * @param values the values; a multiple of the type's block size
	 * @return the stored bytes
	 */
	public static byte[] encode(GgmlType type, float[] values) {
		ByteBuffer out = ByteBuffer.allocate((int) type.bytesFor(values.length)).order(ByteOrder.LITTLE_ENDIAN);
		switch (type) {
			case F32 -> {
				for (float v : values) {
					out.putFloat(v);
				}
			}
			case F16 -> {
				for (float v : values) {
					out.putShort(Float.floatToFloat16(v));
				}
			}
			case BF16 -> {
				for (float v : values) {
					out.putShort(toBf16(v));
				}
			}
			case Q8_0 -> {
				for (int b = 0; b < values.length; b += 32) {
					q8Block(values, b, out);
				}
			}
			case Q4_0 -> {
				for (int b = 0; b < values.length; b += 32) {
					q4Block(values, b, out);
				}
			}
			default -> throw new IllegalArgumentException("cannot encode " + type);
		}
		return out.array();
	}

	/**
	 * float32 to bfloat16 with round-to-nearest-even (NaN stays NaN).
	 * @param v the value
	 * @return the bfloat16 bits
	 */
	public static short toBf16(float v) {
		int bits = Float.floatToRawIntBits(v);
		if ((bits & 0x7fffffff) > 0x7f800000) {
			return (short) ((bits >>> 16) | 64);
		}
		return (short) ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16);
	}

	private static void q8Block(float[] x, int at, ByteBuffer out) {
		float amax = 0f;
		for (int j = 0; j < 32; j++) {
			amax = Math.max(amax, Math.abs(x[at + j]));
		}
		float d = amax / 127f;
		float id = (d != 0f) ? 1f / d : 0f;
		out.putShort(Float.floatToFloat16(d));
		for (int j = 0; j < 32; j++) {
			out.put((byte) roundf(x[at + j] * id));
		}
	}

	private static void q4Block(float[] x, int at, ByteBuffer out) {
		float amax = 0f;
		float max = 0f;
		for (int j = 0; j < 32; j++) {
			float v = x[at + j];
			if (amax < Math.abs(v)) {
				amax = Math.abs(v);
				max = v;
			}
		}
		float d = max / -8f;
		float id = (d != 0f) ? 1f / d : 0f;
		out.putShort(Float.floatToFloat16(d));
		for (int j = 0; j < 16; j++) {
			int q0 = Math.min(15, (byte) (int) (x[at + j] * id + 8.5f));
			int q1 = Math.min(15, (byte) (int) (x[at + 16 + j] * id + 8.5f));
			out.put((byte) (q0 | (q1 << 4)));
		}
	}

	/** C's roundf: halves away from zero. */
	private static int roundf(float v) {
		return (int) ((v >= 0f) ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5));
	}

}
