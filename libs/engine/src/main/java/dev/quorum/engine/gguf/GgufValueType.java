// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

/**
 * The metadata value types of GGUF, with their ids.
 */
public enum GgufValueType {

	/** unsigned 8-bit integer. */
	U8,
	/** signed 8-bit integer. */
	I8,
	/** unsigned 16-bit integer. */
	U16,
	/** signed 16-bit integer. */
	I16,
	/** unsigned 32-bit integer. */
	U32,
	/** signed 32-bit integer. */
	I32,
	/** float32. */
	F32,
	/** boolean, one byte. */
	BOOL,
	/** UTF-8 string with a u64 length. */
	STRING,
	/** typed array with a u64 length. */
	ARRAY,
	/** unsigned 64-bit integer. */
	U64,
	/** signed 64-bit integer. */
	I64,
	/** float64. */
	F64;

	/**
	 * The id stored in the file.
	 * @return the id (the enum ordinal)
	 */
	public int id() {
		return ordinal();
	}

}
