// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of GGUF metadata whose errors name the key and what was found.
 *
 * @param values the metadata map, as {@link GgufFile#metadata()} gives it
 */
public record GgufMetadata(Map<String, Object> values) {

	/**
	 * Whether a key is present.
	 * @param key the key
	 * @return true when present
	 */
	public boolean has(String key) {
		return this.values.containsKey(key);
	}

	/**
	 * A required string.
	 * @param key the key
	 * @return the value
	 */
	public String requireString(String key) {
		Object v = require(key);
		if (v instanceof String s) {
			return s;
		}
		throw wrongType(key, "a string", v);
	}

	/**
	 * An optional string.
	 * @param key the key
	 * @param fallback the value when absent
	 * @return the value
	 */
	public String string(String key, String fallback) {
		return has(key) ? requireString(key) : fallback;
	}

	/**
	 * A required integer (any GGUF integer type that fits an int).
	 * @param key the key
	 * @return the value
	 */
	public int requireInt(String key) {
		Object v = require(key);
		if (v instanceof Integer i) {
			return i;
		}
		if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
			return (int) (long) l;
		}
		throw wrongType(key, "an integer", v);
	}

	/**
	 * An optional integer.
	 * @param key the key
	 * @param fallback the value when absent
	 * @return the value
	 */
	public int integer(String key, int fallback) {
		return has(key) ? requireInt(key) : fallback;
	}

	/**
	 * A required floating-point number (f32 or f64; integers are accepted too).
	 * @param key the key
	 * @return the value
	 */
	public float requireFloat(String key) {
		Object v = require(key);
		if (v instanceof Number n && !(v instanceof Long l && Math.abs(l) > (1L << 24))) {
			return n.floatValue();
		}
		throw wrongType(key, "a number", v);
	}

	/**
	 * An optional floating-point number.
	 * @param key the key
	 * @param fallback the value when absent
	 * @return the value
	 */
	public float floating(String key, float fallback) {
		return has(key) ? requireFloat(key) : fallback;
	}

	/**
	 * An optional array.
	 * @param key the key
	 * @return the list, or null when absent
	 */
	public List<?> array(String key) {
		Object v = this.values.get(key);
		if (v == null || v instanceof List<?>) {
			return (List<?>) v;
		}
		throw wrongType(key, "an array", v);
	}

	private Object require(String key) {
		Object v = this.values.get(key);
		if (v == null) {
			throw new GgufException("missing metadata key " + key);
		}
		return v;
	}

	private static GgufException wrongType(String key, String expected, Object found) {
		return new GgufException("metadata key " + key + " should be " + expected + " but is "
				+ found.getClass().getSimpleName() + " " + found);
	}

}
