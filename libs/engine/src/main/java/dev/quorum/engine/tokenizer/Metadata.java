// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of GGUF metadata values, with errors that name the key.
 */
final class Metadata {

	private final Map<String, Object> values;

	Metadata(Map<String, Object> values) {
		this.values = values;
	}

	boolean has(String key) {
		return this.values.get(key) != null;
	}

	String string(String key, String fallback) {
		Object value = this.values.get(key);
		if (value == null) {
			return fallback;
		}
		if (value instanceof String text) {
			return text;
		}
		throw wrongType(key, "a string", value);
	}

	String requireString(String key) {
		String value = string(key, null);
		if (value == null) {
			throw new IllegalArgumentException("GGUF metadata has no '" + key + "'");
		}
		return value;
	}

	long number(String key, long fallback) {
		Object value = this.values.get(key);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Integer || value instanceof Long) {
			return ((Number) value).longValue();
		}
		throw wrongType(key, "an integer", value);
	}

	boolean bool(String key, boolean fallback) {
		Object value = this.values.get(key);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw wrongType(key, "a boolean", value);
	}

	/**
	 * Reads an array.
	 * @param key the key
	 * @param required whether a missing key is an error (else an empty list is returned)
	 * @return the list
	 */
	List<?> list(String key, boolean required) {
		Object value = this.values.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException("GGUF metadata has no '" + key + "'");
			}
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		throw wrongType(key, "an array", value);
	}

	static IllegalArgumentException wrongType(String key, String expected, Object value) {
		return new IllegalArgumentException(
				"GGUF metadata '" + key + "' should be " + expected + " but is " + value.getClass().getSimpleName());
	}

}
