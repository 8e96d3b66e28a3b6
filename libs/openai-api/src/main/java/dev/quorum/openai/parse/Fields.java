// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to one JSON object of a request, every failure a 400 naming the field by
 * its path ({@code messages[2].content}). A field that is absent or JSON {@code null}
 * reads as null: OpenAI treats an explicit null like an absent optional field.
 */
final class Fields {

	private final JsonNode node;

	private final String path;

	private Fields(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/**
	 * The request body's top-level object.
	 * @param body the parsed body
	 * @return its fields
	 */
	static Fields root(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalidRequest(null,
					"The request body must be a JSON object, but got " + typeName(body) + " instead.");
		}
		return new Fields(body, "");
	}

	/**
	 * A nested object.
	 * @param value the value, already known to be present
	 * @param path its path, used as {@code param}
	 * @return its fields
	 */
	static Fields nested(JsonNode value, String path) {
		if (!value.isObject()) {
			throw typeError(path, "an object", value);
		}
		return new Fields(value, path);
	}

	/**
	 * The path of a field of this object.
	 * @param name the field
	 * @return the path
	 */
	String param(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	/**
	 * Rejects the first field (in document order) that is not known.
	 * @param known every field name this object may carry
	 */
	void rejectUnknown(Set<String> known) {
		for (String name : this.node.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.invalidRequest(param(name),
						"Unrecognized request argument supplied: " + param(name));
			}
		}
	}

	/**
	 * A field's value.
	 * @param name the field
	 * @return the value, or null when absent or JSON null
	 */
	JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	String string(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw typeError(param(name), "a string", value);
		}
		return value.stringValue();
	}

	String requiredString(String name) {
		String value = string(name);
		if (value == null) {
			throw ApiException.invalidRequest(param(name), "Missing required parameter: '" + param(name) + "'.");
		}
		if (value.isBlank()) {
			throw ApiException.invalidRequest(param(name),
					"Invalid '" + param(name) + "': expected a non-empty string, but got an empty one instead.");
		}
		return value;
	}

	Boolean bool(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			throw typeError(param(name), "a boolean", value);
		}
		return value.booleanValue();
	}

	/**
	 * An integer field within a range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param max the largest value accepted
	 * @return the value, or null
	 */
	Integer integer(String name, long min, long max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw typeError(param(name), "an integer", value);
		}
		if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
			throw rangeError(param(name), min, max, value);
		}
		return (int) value.longValue();
	}

	/**
	 * A number field within a range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param minInclusive whether {@code min} itself is accepted
	 * @param max the largest value accepted (inclusive)
	 * @return the value, or null
	 */
	Double number(String name, double min, boolean minInclusive, double max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw typeError(param(name), "a number", value);
		}
		double number = value.doubleValue();
		if ((minInclusive ? number < min : number <= min) || number > max) {
			String low = minInclusive ? "between " + format(min) : "greater than " + format(min) + " and at most";
			throw ApiException.invalidRequest(param(name), "Invalid '" + param(name) + "': expected a value " + low
					+ (minInclusive ? " and " : " ") + format(max) + ", but got " + value + " instead.");
		}
		return number;
	}

	static ApiException typeError(String param, String expected, JsonNode value) {
		return ApiException.invalidRequest(param, "Invalid type for '" + param + "': expected " + expected
				+ ", but got " + typeName(value) + " instead.");
	}

	static ApiException rangeError(String param, long min, long max, JsonNode value) {
		String range = (max >= Integer.MAX_VALUE) ? "at least " + min : "between " + min + " and " + max;
		return ApiException.invalidRequest(param,
				"Invalid '" + param + "': expected a value " + range + ", but got " + value + " instead.");
	}

	static ApiException unsupported(String param, String why) {
		return new ApiException(400, ErrorType.INVALID_REQUEST, "'" + param + "' is not supported: " + why, param,
				"unsupported_parameter", null);
	}

	static String typeName(JsonNode value) {
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

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
