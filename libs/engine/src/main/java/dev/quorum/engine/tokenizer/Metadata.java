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

	String string(String key, String fallback) {
		return value(key, String.class, "a string", fallback);
	}

	String requireString(String key) {
		return value(key, String.class, "a string", null, true);
	}

	long number(String key, long fallback) {
		Number value = value(key, Number.class, "an integer", fallback);
		if (!(value instanceof Integer || value instanceof Long)) {
			throw wrongType(key, "an integer", value);
		}
		return value.longValue();
	}

	boolean bool(String key, boolean fallback) {
		return value(key, Boolean.class, "a boolean", fallback);
	}

	/**
	 * Reads an array.
	 * @param key the key
	 * @param required whether a missing key is an error (else an empty list is returned)
	 * @return the list
	 */
	List<?> list(String key, boolean required) {
		return value(key, List.class, "an array", List.of(), required);
	}

	private <T> T value(String key, Class<T> type, String expected, T fallback) {
		return value(key, type, expected, fallback, false);
	}

	private <T> T value(String key, Class<T> type, String expected, T fallback, boolean required) {
		Object value = this.values.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException("GGUF metadata has no '" + key + "'");
			}
			return fallback;
		}
		if (!type.isInstance(value)) {
			throw wrongType(key, expected, value);
		}
		return type.cast(value);
	}

	private static IllegalArgumentException wrongType(String key, String expected, Object value) {
		return new IllegalArgumentException(
				"GGUF metadata '" + key + "' should be " + expected + " but is " + value.getClass().getSimpleName());
	}

}
