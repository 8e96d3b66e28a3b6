// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

import dev.quorum.kv.chunk.KvChunkException.Reason;

/**
 * Turns a {@link KvChunk} into one self-describing blob (the value of a Redis key) and
 * back, verifying everything on the way back. Immutable and thread-safe.
 *
 * <p>
 * Blob layout, format version 1, all integers little-endian, {@code T} = tokens,
 * {@code D = kvHeads * headDim}:
 *
 * <pre>
 * offset   bytes  field
 * 0        4      magic "QKV1" (0x51 0x4B 0x56 0x31)
 * 4        2      format version, u16 = 1
 * 6        1      dtype code: 1 F32, 2 F16, 3 Q8
 * 7        1      reserved, 0
 * 8        4      n_layers, u32
 * 12       4      n_kv_heads, u32
 * 16       4      head_dim, u32
 * 20       4      n_tokens T, u32
 * 24       4T     token ids, u32 each
 * 24+4T    4      CRC32C (Castagnoli) of the payload: every byte after this field
 * 28+4T    ...    payload: for layer 0..L-1, K of the layer then V of the layer, each a
 *                 (T, D) row-major matrix:
 *                   F32: T*D binary32
 *                   F16: T*D binary16 (round-to-nearest-even)
 *                   Q8:  T binary32 row scales, then T*D int8; x = q * scale[row]
 * </pre>
 *
 * Size: {@code 28 + 4T + 2L * m} with {@code m} = {@code 4TD} (F32), {@code 2TD} (F16),
 * {@code 4T + TD} (Q8). The shipped tiny model (6 layers, 2 KV heads, head size 64) at T
 * = 32 takes 98,460 bytes in F16, 196,764 in F32 and 50,844 in Q8.
 *
 * <p>
 * {@link #decode} checks, in this order: length of the fixed header, magic, version,
 * dtype code and reserved byte, dtype against this codec's, shape and token count against
 * the reader's, total length, token ids against the reader's, checksum. Any failure is a
 * {@link KvChunkException} and no value of the blob is returned.
 */
public final class KvChunkCodec {

	/** Blob format version, also the layout version of the key namespace. */
	public static final int FORMAT_VERSION = 1;

	/** "QKV1" read as a little-endian u32. */
	static final int MAGIC = 0x31564B51;

	/** Bytes before the token ids. */
	static final int FIXED_HEADER_BYTES = 24;

	private final KvDtype dtype;

	/**
	 * A codec that writes, and accepts only, the given dtype.
	 * @param dtype the dtype of the namespace
	 */
	public KvChunkCodec(KvDtype dtype) {
		this.dtype = dtype;
	}

	/**
	 * The dtype this codec writes and accepts.
	 * @return the dtype
	 */
	public KvDtype dtype() {
		return this.dtype;
	}

	/**
	 * Blob size for a chunk.
	 * @param dtype the dtype
	 * @param shape the KV shape
	 * @param tokens tokens in the chunk
	 * @return bytes
	 */
	public static long encodedSize(KvDtype dtype, KvShape shape, int tokens) {
		return payloadOffset(tokens) + 2L * shape.layers() * Payload.bytes(dtype, tokens, shape.kvDim());
	}

	private static long payloadOffset(long tokens) {
		return FIXED_HEADER_BYTES + 4 * tokens + 4;
	}

	/**
	 * Encodes a chunk.
	 * @param chunk the chunk
	 * @return the blob
	 * @throws IllegalArgumentException when the blob would exceed 2 GiB, or (Q8) a row
	 * holds a non-finite value
	 */
	public byte[] encode(KvChunk chunk) {
		int tokens = chunk.tokenCount();
		KvShape shape = chunk.shape();
		long size = encodedSize(this.dtype, shape, tokens);
		if (size > Integer.MAX_VALUE - 16) {
			throw new IllegalArgumentException("A blob of " + size + " bytes is too large; use smaller chunks");
		}
		byte[] blob = new byte[(int) size];
		MemorySegment segment = MemorySegment.ofArray(blob);
		segment.set(Payload.INT, 0, MAGIC);
		segment.set(Payload.SHORT, 4, (short) FORMAT_VERSION);
		segment.set(ValueLayout.JAVA_BYTE, 6, (byte) this.dtype.code());
		segment.set(Payload.INT, 8, shape.layers());
		segment.set(Payload.INT, 12, shape.kvHeads());
		segment.set(Payload.INT, 16, shape.headDim());
		segment.set(Payload.INT, 20, tokens);
		MemorySegment.copy(chunk.tokens(), 0, segment, Payload.INT, FIXED_HEADER_BYTES, tokens);
		int payload = (int) payloadOffset(tokens);
		int matrix = (int) Payload.bytes(this.dtype, tokens, shape.kvDim());
		short[] halves = (this.dtype == KvDtype.F16) ? new short[tokens * shape.kvDim()] : null;
		int offset = payload;
		for (int l = 0; l < shape.layers(); l++) {
			Payload.write(this.dtype, chunk.k()[l], tokens, shape.kvDim(), blob, offset, halves);
			offset += matrix;
			Payload.write(this.dtype, chunk.v()[l], tokens, shape.kvDim(), blob, offset, halves);
			offset += matrix;
		}
		segment.set(Payload.INT, payload - 4, crc32c(blob, payload));
		return blob;
	}

	/**
	 * Decodes a blob, verifying it against what the reader is looking for.
	 * @param blob the blob
	 * @param expected the reader's KV shape
	 * @param expectedTokens the token ids the reader is looking for
	 * @return the chunk, with {@code expectedTokens} as its token ids
	 * @throws KvChunkException when the blob must not be used
	 * @throws IllegalArgumentException when {@code expectedTokens} is empty
	 */
	public KvChunk decode(byte[] blob, KvShape expected, int[] expectedTokens) {
		int tokens = expectedTokens.length;
		if (tokens == 0) {
			throw new IllegalArgumentException("A KV chunk needs at least one token");
		}
		MemorySegment segment = MemorySegment.ofArray(blob);
		checkHeader(segment, expected, tokens);
		long size = encodedSize(this.dtype, expected, tokens);
		if (blob.length != size) {
			throw new KvChunkException(Reason.BAD_LENGTH,
					"Blob has " + blob.length + " bytes, its header needs " + size);
		}
		for (int i = 0; i < tokens; i++) {
			int stored = segment.get(Payload.INT, FIXED_HEADER_BYTES + 4L * i);
			if (stored != expectedTokens[i]) {
				throw new KvChunkException(Reason.TOKEN_MISMATCH,
						"Token " + i + " is " + Integer.toUnsignedString(stored) + ", expected " + expectedTokens[i]);
			}
		}
		int payload = (int) payloadOffset(tokens);
		int stored = segment.get(Payload.INT, payload - 4);
		int actual = crc32c(blob, payload);
		if (stored != actual) {
			throw new KvChunkException(Reason.CHECKSUM_MISMATCH, "Payload CRC32C is " + Integer.toHexString(actual)
					+ ", header says " + Integer.toHexString(stored));
		}
		int kvDim = expected.kvDim();
		int matrix = (int) Payload.bytes(this.dtype, tokens, kvDim);
		short[] halves = (this.dtype == KvDtype.F16) ? new short[tokens * kvDim] : null;
		float[][] k = new float[expected.layers()][];
		float[][] v = new float[expected.layers()][];
		int offset = payload;
		for (int l = 0; l < expected.layers(); l++) {
			k[l] = new float[tokens * kvDim];
			Payload.read(this.dtype, blob, offset, tokens, kvDim, k[l], halves);
			offset += matrix;
			v[l] = new float[tokens * kvDim];
			Payload.read(this.dtype, blob, offset, tokens, kvDim, v[l], halves);
			offset += matrix;
		}
		return KvChunk.of(expectedTokens, expected, k, v);
	}

	private void checkHeader(MemorySegment segment, KvShape expected, int tokens) {
		if (segment.byteSize() < FIXED_HEADER_BYTES) {
			throw new KvChunkException(Reason.BAD_LENGTH,
					"Blob of " + segment.byteSize() + " bytes is shorter than the header");
		}
		if (segment.get(Payload.INT, 0) != MAGIC) {
			throw new KvChunkException(Reason.BAD_MAGIC, "Blob does not start with QKV1");
		}
		int version = Short.toUnsignedInt(segment.get(Payload.SHORT, 4));
		if (version != FORMAT_VERSION) {
			throw new KvChunkException(Reason.UNSUPPORTED_VERSION,
					"Blob format version " + version + ", this reader knows " + FORMAT_VERSION);
		}
		KvDtype stored = KvDtype.ofCode(Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, 6)));
		if (stored == null || segment.get(ValueLayout.JAVA_BYTE, 7) != 0) {
			throw new KvChunkException(Reason.BAD_HEADER, "Unknown dtype code or non-zero reserved byte");
		}
		if (stored != this.dtype) {
			throw new KvChunkException(Reason.DTYPE_MISMATCH, "Blob holds " + stored + ", expected " + this.dtype);
		}
		int layers = segment.get(Payload.INT, 8);
		int kvHeads = segment.get(Payload.INT, 12);
		int headDim = segment.get(Payload.INT, 16);
		int count = segment.get(Payload.INT, 20);
		if (layers != expected.layers() || kvHeads != expected.kvHeads() || headDim != expected.headDim()
				|| count != tokens) {
			throw new KvChunkException(Reason.SHAPE_MISMATCH,
					"Blob shape (layers " + Integer.toUnsignedString(layers) + ", kv heads "
							+ Integer.toUnsignedString(kvHeads) + ", head dim " + Integer.toUnsignedString(headDim)
							+ ", tokens " + Integer.toUnsignedString(count) + ") differs from the expected " + expected
							+ " with " + tokens + " tokens");
		}
	}

	private static int crc32c(byte[] blob, int payload) {
		CRC32C crc = new CRC32C();
		crc.update(blob, payload, blob.length - payload);
		return (int) crc.getValue();
	}

}
