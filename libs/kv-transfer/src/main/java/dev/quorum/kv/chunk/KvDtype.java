// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

/**
 * How K and V values are stored in a chunk blob. Part of the key namespace (as
 * {@link #wireName()}) and of the blob header (as {@link #code()}).
 */
public enum KvDtype {

	/** IEEE binary32, exact. 4 bytes per value. */
	F32(1, "f32"),

	/**
	 * IEEE binary16, round-to-nearest-even ({@link Float#floatToFloat16}). 2 bytes per
	 * value; relative error at most 2^-11 for |x| in [2^-14, 65504], absolute error at
	 * most 2^-25 below; |x| above 65504 becomes infinite.
	 */
	F16(2, "f16"),

	/**
	 * Symmetric int8 per row (one token of one layer of K or of V) with an F32 scale
	 * {@code absmax / 127}. About 1 byte per value; absolute error at most
	 * {@code absmax / 254} per value of the row.
	 */
	Q8(3, "q8");

	private final int code;

	private final String wireName;

	KvDtype(int code, String wireName) {
		this.code = code;
		this.wireName = wireName;
	}

	/**
	 * The byte in the blob header.
	 * @return 1, 2 or 3
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The name in the key namespace and in configuration.
	 * @return {@code f32}, {@code f16} or {@code q8}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The dtype of a header byte.
	 * @param code the byte
	 * @return the dtype, or {@code null} for an unknown code
	 */
	static KvDtype ofCode(int code) {
		for (KvDtype dtype : values()) {
			if (dtype.code == code) {
				return dtype;
			}
		}
		return null;
	}

	/**
	 * The dtype of a configuration value, case-insensitive.
	 * @param name {@code f32}, {@code f16} or {@code q8}
	 * @return the dtype
	 * @throws IllegalArgumentException for any other name
	 */
	public static KvDtype ofWireName(String name) {
		for (KvDtype dtype : values()) {
			if (dtype.wireName.equalsIgnoreCase(name)) {
				return dtype;
			}
		}
		throw new IllegalArgumentException("Unknown KV dtype '" + name + "'; expected f32, f16 or q8");
	}

}
