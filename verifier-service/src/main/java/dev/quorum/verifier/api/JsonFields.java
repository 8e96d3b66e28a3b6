// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.Set;

import dev.quorum.openai.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict access to one JSON object of a request body, in the wording of
 * {@code quorum-openai-api}'s request parsers: every failure is a 400 naming the field by
 * its path ({@code candidates[2].solution}); absent and JSON {@code null} both read as
 * "not given".
 */
final class JsonFields {

	private final JsonNode node;

	private final String path;

	private JsonFields(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/**
	 * The fields of an object.
	 * @param node the value
	 * @param path its path ("" for the body), used in errors
	 * @return the fields
	 */
	static JsonFields of(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw ApiException.invalidRequest(path.isEmpty() ? null : path,
					"Invalid type for '" + (path.isEmpty() ? "body" : path) + "': expected an object, but got "
							+ typeName(node) + " instead.");
		}
		return new JsonFields(node, path);
	}

	String param(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	void rejectUnknown(Set<String> known) {
		for (String name : this.node.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.invalidRequest(param(name),
						"Unrecognized request argument supplied: " + param(name));
			}
		}
	}

	JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	boolean has(String name) {
		return value(name) != null;
	}

	String string(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isString()) {
			throw typeError(param(name), "a string", value);
		}
		return (value != null) ? value.stringValue() : null;
	}

	/**
	 * A string that must be given and not blank, and at most {@code maxChars} long.
	 */
	String requiredString(String name, int maxChars) {
		String value = string(name);
		if (value == null) {
			throw missing(param(name));
		}
		return checkText(param(name), value, maxChars);
	}

	Integer integer(String name, int min, int max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw typeError(param(name), "an integer", value);
		}
		if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
			throw ApiException.invalidRequest(param(name), "Invalid '" + param(name) + "': expected a value between "
					+ min + " and " + max + ", but got " + value + " instead.");
		}
		return (int) value.longValue();
	}

	Long int64(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw typeError(param(name), "a 64-bit integer", value);
		}
		return value.longValue();
	}

	Double number(String name, double min, double max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw typeError(param(name), "a number", value);
		}
		if (value.doubleValue() < min || value.doubleValue() > max) {
			throw ApiException.invalidRequest(param(name), "Invalid '" + param(name) + "': expected a value between "
					+ min + " and " + max + ", but got " + value + " instead.");
		}
		return value.doubleValue();
	}

	/**
	 * An array that must be given, with {@code 1..maxSize} elements.
	 */
	JsonNode requiredArray(String name, int maxSize) {
		JsonNode value = value(name);
		if (value == null) {
			throw missing(param(name));
		}
		return checkArray(param(name), value, maxSize);
	}

	static JsonNode checkArray(String param, JsonNode value, int maxSize) {
		if (!value.isArray()) {
			throw typeError(param, "an array", value);
		}
		if (value.isEmpty()) {
			throw ApiException.invalidRequest(param, "Invalid '" + param + "': expected a non-empty array.");
		}
		if (value.size() > maxSize) {
			throw ApiException.invalidRequest(param, "Invalid '" + param + "': " + value.size()
					+ " elements is too many; at most " + maxSize + " are accepted.");
		}
		return value;
	}

	/**
	 * A gold answer or candidate answer: a string, or a number taken as written.
	 */
	static String answerText(String param, JsonNode value, int maxChars) {
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (value.isNumber()) {
			return value.decimalValue().toPlainString();
		}
		if (!value.isString()) {
			throw typeError(param, "a string or a number", value);
		}
		return checkText(param, value.stringValue(), maxChars);
	}

	static String checkText(String param, String value, int maxChars) {
		if (value.isBlank()) {
			throw ApiException.invalidRequest(param,
					"Invalid '" + param + "': expected a non-empty string, but got an empty one instead.");
		}
		if (value.length() > maxChars) {
			throw ApiException.invalidRequest(param, "Invalid '" + param + "': " + value.length()
					+ " characters is too long; at most " + maxChars + " are accepted.");
		}
		return value;
	}

	static ApiException missing(String param) {
		return ApiException.invalidRequest(param, "Missing required parameter: '" + param + "'.");
	}

	static ApiException typeError(String param, String expected, JsonNode value) {
		return ApiException.invalidRequest(param, "Invalid type for '" + param + "': expected " + expected
				+ ", but got " + typeName(value) + " instead.");
	}

	private static String typeName(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "nothing";
		}
		return switch (value.getNodeType()) {
			case STRING -> "a string";
			case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal";
			case BOOLEAN -> "a boolean";
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			case NULL -> "null";
			default -> "an unexpected value";
		};
	}

}
