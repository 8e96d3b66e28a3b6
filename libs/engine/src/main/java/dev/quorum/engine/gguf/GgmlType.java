// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

/**
 * The tensor element types of GGML, with their ids as stored in GGUF and their block
 * geometry: {@link #blockSize()} elements take {@link #blockBytes()} bytes. Only the
 * types flagged {@link #supported()} can be computed with; the others are listed so that
 * a file holding them can still be read and the error can name the type.
 */
public enum GgmlType {

	/** IEEE float32. */
	F32(0, 1, 4, true),
	/** IEEE float16. */
	F16(1, 1, 2, true),
	/** 32 values: f16 scale d, 16 bytes of 4-bit q; x = d * (q - 8). */
	Q4_0(2, 32, 18, true),
	/** 32 values: f16 scale, f16 min, 16 bytes of 4-bit q. */
	Q4_1(3, 32, 20, false),
	/** 32 values, 5 bits. */
	Q5_0(6, 32, 22, false),
	/** 32 values, 5 bits with min. */
	Q5_1(7, 32, 24, false),
	/** 32 values: f16 scale d, 32 int8 q; x = d * q. */
	Q8_0(8, 32, 34, true),
	/** 32 values: f16 scale, f16 sum, 32 int8. */
	Q8_1(9, 32, 36, false),
	/** K-quant, 2 bits. */
	Q2_K(10, 256, 84, false),
	/** K-quant, 3 bits. */
	Q3_K(11, 256, 110, false),
	/** K-quant, 4 bits. */
	Q4_K(12, 256, 144, false),
	/** K-quant, 5 bits. */
	Q5_K(13, 256, 176, false),
	/** K-quant, 6 bits. */
	Q6_K(14, 256, 210, false),
	/** K-quant, 8 bits. */
	Q8_K(15, 256, 292, false),
	/** I-quant. */
	IQ2_XXS(16, 256, 66, false),
	/** I-quant. */
	IQ2_XS(17, 256, 74, false),
	/** I-quant. */
	IQ3_XXS(18, 256, 98, false),
	/** I-quant. */
	IQ1_S(19, 256, 50, false),
	/** I-quant. */
	IQ4_NL(20, 32, 18, false),
	/** I-quant. */
	IQ3_S(21, 256, 110, false),
	/** I-quant. */
	IQ2_S(22, 256, 82, false),
	/** I-quant. */
	IQ4_XS(23, 256, 136, false),
	/** int8. */
	I8(24, 1, 1, false),
	/** int16. */
	I16(25, 1, 2, false),
	/** int32. */
	I32(26, 1, 4, false),
	/** int64. */
	I64(27, 1, 8, false),
	/** float64. */
	F64(28, 1, 8, false),
	/** I-quant. */
	IQ1_M(29, 256, 56, false),
	/** bfloat16: the upper half of a float32. */
	BF16(30, 1, 2, true),
	/** Ternary. */
	TQ1_0(34, 256, 54, false),
	/** Ternary. */
	TQ2_0(35, 256, 66, false);

	private final int id;

	private final int blockSize;

	private final int blockBytes;

	private final boolean supported;

	GgmlType(int id, int blockSize, int blockBytes, boolean supported) {
		this.id = id;
		this.blockSize = blockSize;
		this.blockBytes = blockBytes;
		this.supported = supported;
	}

	/**
	 * The type's id in GGUF tensor infos.
	 * @return the id
	 */
	public int id() {
		return this.id;
	}

	/**
	 * Elements per block (1 for plain types).
	 * @return the block size
	 */
	public int blockSize() {
		return this.blockSize;
	}

	/**
	 * Bytes per block.
	 * @return the block size in bytes
	 */
	public int blockBytes() {
		return this.blockBytes;
	}

	/**
	 * Whether the engine can compute with tensors of this type.
	 * @return true for F32, F16, BF16, Q8_0 and Q4_0
	 */
	public boolean supported() {
		return this.supported;
	}

	/**
	 * Bytes taken by {@code elements} values.
	 * @param elements a multiple of {@link #blockSize()}
	 * @return the size in bytes
	 */
	public long bytesFor(long elements) {
		if (elements % this.blockSize != 0) {
			throw new IllegalArgumentException(
					this + " needs a multiple of " + this.blockSize + " elements, got " + elements);
		}
		return elements / this.blockSize * this.blockBytes;
	}

	/**
	 * Finds a type by its GGUF id.
	 * @param id the id
	 * @return the type
	 * @throws IllegalArgumentException for an unknown id
	 */
	public static GgmlType fromId(int id) {
		for (GgmlType type : values()) {
			if (type.id == id) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown GGML tensor type id " + id);
	}

}
