// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.quorum.engine.gguf.GgmlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored layouts, checked on hand-computed blocks (llama.cpp's reference quantisers).
 */
class QuantizerTests {

	@Test
	void q8BlockIsScaleThenRoundedInt8() {
		float[] x = new float[32];
		for (int i = 0; i < 32; i++) {
			x[i] = i - 16; // amax 16 -> d = 16/127
		}
		ByteBuffer b = ByteBuffer.wrap(Quantizer.encode(GgmlType.Q8_0, x)).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(b.capacity()).isEqualTo(34);
		assertThat(Float.float16ToFloat(b.getShort(0)))
			.isEqualTo(Float.float16ToFloat(Float.floatToFloat16(16f / 127)));
		assertThat(b.get(2)).isEqualTo((byte) -127); // -16 * 127/16
		assertThat(b.get(2 + 16)).isEqualTo((byte) 0);
		assertThat(b.get(2 + 31)).isEqualTo((byte) 119); // 15 * 127/16 = 119.06
		FloatTensor t = FloatTensor.of(GgmlType.Q8_0, MemorySegment.ofArray(b.array()), 1, 32);
		float d = Float.float16ToFloat(b.getShort(0));
		assertThat(t.get(31)).isEqualTo(119 * d);
	}

	@Test
	void q4BlockPacksLowNibblesFirstWithOffsetEight() {
		float[] x = new float[32];
		x[0] = -8; // the largest magnitude, negative: d = -8 / -8 = 1
		x[1] = 7;
		x[16] = 3;
		x[17] = -1;
		byte[] bytes = Quantizer.encode(GgmlType.Q4_0, x);
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(Float.float16ToFloat(b.getShort(0))).isEqualTo(1f);
		// element j in the low nibble of byte j, element j + 16 in its high nibble; q =
		// x/d + 8
		assertThat(b.get(2) & 0xff).isEqualTo(0 | (11 << 4));
		assertThat(b.get(3) & 0xff).isEqualTo(15 | (7 << 4));
		FloatTensor t = FloatTensor.of(GgmlType.Q4_0, MemorySegment.ofArray(bytes), 1, 32);
		assertThat(t.get(0)).isEqualTo(-8f);
		assertThat(t.get(1)).isEqualTo(7f);
		assertThat(t.get(16)).isEqualTo(3f);
		assertThat(t.get(17)).isEqualTo(-1f);
		assertThat(t.get(5)).isEqualTo(0f);
	}

	@Test
	void halfAndBfloatConversionsAreExactIncludingSpecialValues() {
		float[] x = { 1f, -2.5f, 65504f, 6.1e-5f, 5.96e-8f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
				1e-3f, 3.14159f, -7f, 0.1f, 100f, -1e-7f, 2f };
		FloatTensor f16 = FloatTensor.of(GgmlType.F16, MemorySegment.ofArray(Quantizer.encode(GgmlType.F16, x)), 1, 16);
		FloatTensor bf16 = FloatTensor.of(GgmlType.BF16, MemorySegment.ofArray(Quantizer.encode(GgmlType.BF16, x)), 1,
				16);
		float[] v16 = new float[16];
		float[] vb16 = new float[16];
		f16.dequantizeRow(0, v16, 0);
		bf16.dequantizeRow(0, vb16, 0);
		for (int i = 0; i < 16; i++) {
			assertThat(v16[i]).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(x[i])));
			int bits = Float.floatToRawIntBits(x[i]);
			int rounded = (bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000;
			assertThat(Float.floatToRawIntBits(vb16[i])).isEqualTo(rounded);
		}
		assertThat(Float.isNaN(FloatTensor
			.of(GgmlType.F16, MemorySegment.ofArray(Quantizer.encode(GgmlType.F16, new float[] { Float.NaN })), 1, 1)
			.get(0))).isTrue();
	}

}
