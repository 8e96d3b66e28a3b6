// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KvChunkCodecTests {

	/** The shipped tiny model. */
	static final KvShape TINY = new KvShape(6, 2, 64);

	static Stream<Arguments> shapes() {
		return Stream.of(Arguments.of(new KvShape(1, 1, 1), 1), Arguments.of(new KvShape(2, 3, 5), 7),
				Arguments.of(TINY, 32), Arguments.of(new KvShape(12, 12, 64), 32),
				Arguments.of(new KvShape(3, 1, 4), 1));
	}

	@ParameterizedTest
	@MethodSource("shapes")
	void f32RoundTripIsExact(KvShape shape, int tokens) {
		KvChunk chunk = TestChunks.random(shape, tokens, 1);
		KvChunk decoded = roundTrip(KvDtype.F32, chunk);
		for (int l = 0; l < shape.layers(); l++) {
			assertThat(decoded.k()[l]).containsExactly(chunk.k()[l]);
			assertThat(decoded.v()[l]).containsExactly(chunk.v()[l]);
		}
	}

	@ParameterizedTest
	@MethodSource("shapes")
	void f16RoundTripIsWithinHalfAnUlpOfBinary16(KvShape shape, int tokens) {
		KvChunk chunk = TestChunks.random(shape, tokens, 2);
		KvChunk decoded = roundTrip(KvDtype.F16, chunk);
		for (int l = 0; l < shape.layers(); l++) {
			assertF16Close(chunk.k()[l], decoded.k()[l]);
			assertF16Close(chunk.v()[l], decoded.v()[l]);
		}
	}

	/** Relative error at most 2^-11 in the normal range, absolute 2^-25 below it. */
	private static void assertF16Close(float[] expected, float[] actual) {
		for (int i = 0; i < expected.length; i++) {
			double bound = Math.max(Math.abs(expected[i]) * 0x1p-11, 0x1p-25);
			assertThat(Math.abs((double) actual[i] - expected[i])).as("value %d", i).isLessThanOrEqualTo(bound);
		}
	}

	@Test
	void f16RoundsToNearestEvenAndKeepsSpecialValues() {
		float[] values = { 0f, -0f, 1f, 65504f, 65520f, -65520f, 1e-8f, 0x1p-24f, 0x1.002p0f, Float.NaN,
				Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3.1415927f };
		KvChunk chunk = KvChunk.of(new int[values.length], new KvShape(1, 1, 1), new float[][] { values },
				new float[][] { values.clone() });
		KvChunk decoded = roundTrip(KvDtype.F16, chunk);
		float[] expected = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			expected[i] = Float.float16ToFloat(Float.floatToFloat16(values[i]));
		}
		assertThat(decoded.k()[0]).containsExactly(expected);
		assertThat(decoded.k()[0][4]).isEqualTo(Float.POSITIVE_INFINITY); // 65520 rounds
																			// up past
																			// 65504
		assertThat(decoded.k()[0][8]).isEqualTo(1f); // halfway between 1 and 1+2^-10: to
														// even
		assertThat(Float.floatToRawIntBits(decoded.k()[0][1])).isEqualTo(Float.floatToRawIntBits(-0f));
		assertThat(decoded.k()[0][9]).isNaN();
	}

	@ParameterizedTest
	@MethodSource("shapes")
	void q8RoundTripIsWithinHalfAStepOfTheRowScale(KvShape shape, int tokens) {
		KvChunk chunk = TestChunks.random(shape, tokens, 3);
		KvChunk decoded = roundTrip(KvDtype.Q8, chunk);
		for (int l = 0; l < shape.layers(); l++) {
			assertQ8Close(chunk.k()[l], decoded.k()[l], shape.kvDim());
			assertQ8Close(chunk.v()[l], decoded.v()[l], shape.kvDim());
		}
	}

	/** Per row: absmax / 254, plus a few ulps of float rounding. */
	private static void assertQ8Close(float[] expected, float[] actual, int cols) {
		for (int row = 0; row < expected.length / cols; row++) {
			float absmax = 0;
			for (int j = 0; j < cols; j++) {
				absmax = Math.max(absmax, Math.abs(expected[row * cols + j]));
			}
			double bound = absmax / 254.0 + 4 * Math.ulp(absmax);
			for (int j = 0; j < cols; j++) {
				int i = row * cols + j;
				assertThat(Math.abs((double) actual[i] - expected[i])).as("row %d col %d", row, j)
					.isLessThanOrEqualTo(bound);
			}
		}
	}

	@Test
	void q8KeepsZeroRowsAndTheRowMaximum() {
		float[] values = { 0f, 0f, 0f, 0f, -8f, 1f, 2f, 8f };
		KvChunk chunk = KvChunk.of(new int[] { 5, 6 }, new KvShape(1, 1, 4), new float[][] { values },
				new float[][] { values.clone() });
		KvChunk decoded = roundTrip(KvDtype.Q8, chunk);
		assertThat(Arrays.copyOfRange(decoded.v()[0], 0, 4)).containsOnly(0f);
		assertThat(decoded.v()[0][4]).isEqualTo(-8f);
		assertThat(decoded.v()[0][7]).isEqualTo(8f);
	}

	@ParameterizedTest
	@MethodSource("nonFinite")
	void q8RefusesNonFiniteValues(float bad) {
		float[] values = { 1f, bad };
		KvChunk chunk = KvChunk.of(new int[] { 1 }, new KvShape(1, 1, 2), new float[][] { values },
				new float[][] { { 0f, 0f } });
		assertThatIllegalArgumentException().isThrownBy(() -> new KvChunkCodec(KvDtype.Q8).encode(chunk));
	}

	static List<Float> nonFinite() {
		return List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
	}

	@Test
	void tinyModelChunkSizes() {
		assertThat(KvChunkCodec.encodedSize(KvDtype.F16, TINY, 32)).isEqualTo(98_460);
		assertThat(KvChunkCodec.encodedSize(KvDtype.F32, TINY, 32)).isEqualTo(196_764);
		assertThat(KvChunkCodec.encodedSize(KvDtype.Q8, TINY, 32)).isEqualTo(50_844);
	}

	@ParameterizedTest
	@EnumSource(KvDtype.class)
	void blobStartsWithItsHeader(KvDtype dtype) {
		KvChunk chunk = TestChunks.random(TINY, 32, 4);
		byte[] blob = new KvChunkCodec(dtype).encode(chunk);
		assertThat(blob).hasSize((int) KvChunkCodec.encodedSize(dtype, TINY, 32));
		assertThat(new String(blob, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("QKV1");
		assertThat(Arrays.copyOfRange(blob, 4, 28)).containsExactly(1, 0, dtype.code(), 0, 6, 0, 0, 0, 2, 0, 0, 0, 64,
				0, 0, 0, 32, 0, 0, 0, (byte) 0xE8, 3, 0, 0); // ..., n_tokens 32, first
																// token id 1000
	}

	@Test
	void encodingIsDeterministic() {
		KvChunk chunk = TestChunks.random(TINY, 32, 5);
		for (KvDtype dtype : KvDtype.values()) {
			KvChunkCodec codec = new KvChunkCodec(dtype);
			assertThat(codec.encode(chunk)).isEqualTo(codec.encode(chunk));
		}
	}

	@Test
	void chunkShapeIsChecked() {
		KvShape shape = new KvShape(2, 1, 2);
		float[][] ok = { new float[4], new float[4] };
		assertThatIllegalArgumentException().isThrownBy(() -> KvChunk.of(new int[0], shape, ok, ok));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KvChunk.of(new int[] { 1, 2 }, shape, new float[][] { new float[4] }, ok));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KvChunk.of(new int[] { 1, 2 }, shape, ok, new float[][] { new float[4], new float[3] }));
		assertThatIllegalArgumentException().isThrownBy(() -> new KvShape(0, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new KvShape(1, 4096, 4096));
	}

	@Test
	void dtypeNamesAreTheNamespaceNames() {
		assertThat(KvDtype.ofWireName("F16")).isEqualTo(KvDtype.F16);
		assertThat(KvDtype.ofWireName("q8")).isEqualTo(KvDtype.Q8);
		assertThatIllegalArgumentException().isThrownBy(() -> KvDtype.ofWireName("bf16"));
	}

	static KvChunk roundTrip(KvDtype dtype, KvChunk chunk) {
		KvChunkCodec codec = new KvChunkCodec(dtype);
		KvChunk decoded = codec.decode(codec.encode(chunk), chunk.shape(), chunk.tokens().clone());
		assertThat(decoded.tokens()).containsExactly(chunk.tokens());
		assertThat(decoded.shape()).isEqualTo(chunk.shape());
		return decoded;
	}

}
