// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.util.Arrays;

import dev.quorum.kv.chunk.KvChunkException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A reader never gets values out of a blob that is damaged or is not the chunk it asked
 * for.
 */
class KvChunkCorruptionTests {

	private static final KvShape SHAPE = new KvShape(2, 1, 4);

	private static final int TOKENS = 3;

	/** Offset of the CRC32C for {@link #TOKENS} tokens. */
	private static final int CRC = 24 + 4 * TOKENS;

	private final KvChunk chunk = TestChunks.random(SHAPE, TOKENS, 7);

	@ParameterizedTest
	@EnumSource(KvDtype.class)
	void everySingleBitFlipIsDetected(KvDtype dtype) {
		KvChunkCodec codec = new KvChunkCodec(dtype);
		byte[] blob = codec.encode(this.chunk);
		assertThatNoException().isThrownBy(() -> decode(codec, blob));
		for (int i = 0; i < blob.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] damaged = blob.clone();
				damaged[i] ^= (byte) (1 << bit);
				assertThatExceptionOfType(KvChunkException.class).as("byte %d bit %d", i, bit)
					.isThrownBy(() -> decode(codec, damaged));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(KvDtype.class)
	void damagedPayloadOrChecksumFailsTheChecksum(KvDtype dtype) {
		KvChunkCodec codec = new KvChunkCodec(dtype);
		byte[] blob = codec.encode(this.chunk);
		expect(Reason.CHECKSUM_MISMATCH, codec, flip(blob, blob.length - 1));
		expect(Reason.CHECKSUM_MISMATCH, codec, flip(blob, CRC + 4));
		expect(Reason.CHECKSUM_MISMATCH, codec, flip(blob, CRC));
	}

	@Test
	void otherTokensAreAMismatch() {
		KvChunkCodec codec = new KvChunkCodec(KvDtype.F16);
		byte[] blob = codec.encode(this.chunk);
		int[] other = this.chunk.tokens().clone();
		other[2]++;
		assertThatExceptionOfType(KvChunkException.class).isThrownBy(() -> codec.decode(blob, SHAPE, other))
			.matches((ex) -> ex.reason() == Reason.TOKEN_MISMATCH);
		expect(Reason.TOKEN_MISMATCH, codec, flip(blob, 24));
	}

	@Test
	void anotherShapeIsAMismatch() {
		KvChunkCodec codec = new KvChunkCodec(KvDtype.F16);
		byte[] blob = codec.encode(this.chunk);
		for (KvShape other : new KvShape[] { new KvShape(3, 1, 4), new KvShape(2, 2, 2), new KvShape(2, 1, 8) }) {
			assertThatExceptionOfType(KvChunkException.class)
				.isThrownBy(() -> codec.decode(blob, other, this.chunk.tokens()))
				.matches((ex) -> ex.reason() == Reason.SHAPE_MISMATCH);
		}
		assertThatExceptionOfType(KvChunkException.class)
			.isThrownBy(() -> codec.decode(blob, SHAPE, Arrays.copyOf(this.chunk.tokens(), TOKENS - 1)))
			.matches((ex) -> ex.reason() == Reason.SHAPE_MISMATCH);
		expect(Reason.SHAPE_MISMATCH, codec, flip(blob, 8));
		expect(Reason.SHAPE_MISMATCH, codec, flip(blob, 20));
	}

	@ParameterizedTest
	@EnumSource(KvDtype.class)
	void truncatedOrExtendedBlobsHaveTheWrongLength(KvDtype dtype) {
		KvChunkCodec codec = new KvChunkCodec(dtype);
		byte[] blob = codec.encode(this.chunk);
		for (int length = 0; length < blob.length; length++) {
			expect(Reason.BAD_LENGTH, codec, Arrays.copyOf(blob, length));
		}
		expect(Reason.BAD_LENGTH, codec, Arrays.copyOf(blob, blob.length + 1));
	}

	@Test
	void headerFieldsAreChecked() {
		KvChunkCodec codec = new KvChunkCodec(KvDtype.F16);
		byte[] blob = codec.encode(this.chunk);
		expect(Reason.BAD_MAGIC, codec, with(blob, 0, 'q'));
		expect(Reason.BAD_MAGIC, codec, with(blob, 3, '2'));
		expect(Reason.UNSUPPORTED_VERSION, codec, with(blob, 4, 2));
		expect(Reason.UNSUPPORTED_VERSION, codec, with(blob, 5, 1));
		expect(Reason.BAD_HEADER, codec, with(blob, 6, 0));
		expect(Reason.BAD_HEADER, codec, with(blob, 6, 9));
		expect(Reason.BAD_HEADER, codec, with(blob, 7, 1));
		expect(Reason.DTYPE_MISMATCH, codec, new KvChunkCodec(KvDtype.Q8).encode(this.chunk));
		expect(Reason.DTYPE_MISMATCH, new KvChunkCodec(KvDtype.F32), blob);
	}

	private void expect(Reason reason, KvChunkCodec codec, byte[] blob) {
		assertThatExceptionOfType(KvChunkException.class).isThrownBy(() -> decode(codec, blob))
			.matches((ex) -> ex.reason() == reason, "reason " + reason);
	}

	private KvChunk decode(KvChunkCodec codec, byte[] blob) {
		return codec.decode(blob, SHAPE, this.chunk.tokens());
	}

	private static byte[] flip(byte[] blob, int index) {
		return with(blob, index, blob[index] ^ 0x10);
	}

	private static byte[] with(byte[] blob, int index, int value) {
		byte[] copy = blob.clone();
		copy[index] = (byte) value;
		return copy;
	}

}
