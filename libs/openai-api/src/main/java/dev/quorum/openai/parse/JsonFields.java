// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict access to one JSON object of a request body, shared by every Quorum
 * service that parses a body by hand. Every failure is a 400 {@link ApiException} in
 * OpenAI's wording whose {@code param} names the field by its path
 * ({@code messages[2].content}, {@code early_stop.confidence}). A field that is absent or
 * JSON {@code null} reads as null: OpenAI treats an explicit null like an absent optional
 * field.
 * <p>
 * Start from {@link #root(JsonNode)} for the body or {@link #nested(JsonNode, String)}
 * for an object inside it, call {@link #rejectUnknown(Set)}, then read each field with
 * the typed getters. The static factories ({@link #typeError}, {@link #rangeError},
 * {@link #missing}, {@link #unsupported}, ...) give checks written elsewhere the same
 * messages.
 */
public final class JsonFields {

	private final JsonNode node;

	private final String path;

	private JsonFields(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/**
	 * The request body's top-level object; its fields' paths are their names.
	 * @param body the parsed body
	 * @return its fields
	 * @throws ApiException 400 with a null {@code param} when the body is not an object
	 */
	public static JsonFields root(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalidRequest(null, "Invalid type for the request body: expected an object, but got "
					+ typeName(body) + " instead. The body must be a JSON object.");
		}
		return new JsonFields(body, "");
	}

	/**
	 * An object inside the body.
	 * @param value the value, already known to be present
	 * @param path its path, used as {@code param} and as the prefix of its fields' paths
	 * @return its fields
	 * @throws ApiException 400 naming {@code path} when the value is not an object
	 */
	public static JsonFields nested(JsonNode value, String path) {
		if (!value.isObject()) {
			throw typeError(path, "an object", value);
		}
		return new JsonFields(value, path);
	}

	/**
	 * An optional object field of this object.
	 * @param name the field
	 * @return its fields, or null when absent
	 */
	public JsonFields object(String name) {
		JsonNode value = value(name);
		return (value != null) ? nested(value, param(name)) : null;
	}

	/**
	 * The path of a field of this object.
	 * @param name the field
	 * @return the path, used as {@code param}
	 */
	public String param(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	/**
	 * Rejects the first field (in document order) that is not known.
	 * @param known every field name this object may carry
	 */
	public void rejectUnknown(Set<String> known) {
		for (String name : this.node.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.invalidRequest(param(name),
						"Unrecognized request argument supplied: " + param(name));
			}
		}
	}

	/**
	 * A field's raw value.
	 * @param name the field
	 * @return the value, or null when absent or JSON null
	 */
	public JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	/**
	 * Whether a field is given (present and not JSON null).
	 * @param name the field
	 * @return whether it is given
	 */
	public boolean has(String name) {
		return value(name) != null;
	}

	/**
	 * An optional string field, any length, possibly empty.
	 * @param name the field
	 * @return the value, or null
	 */
	public String string(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw typeError(param(name), "a string", value);
		}
		return value.stringValue();
	}

	/**
	 * A string field that must be given and not blank.
	 * @param name the field
	 * @return the value
	 */
	public String requiredString(String name) {
		return requiredString(name, Integer.MAX_VALUE);
	}

	/**
	 * A string field that must be given, not blank, and at most {@code maxChars} long.
	 * @param name the field
	 * @param maxChars the most UTF-16 chars accepted
	 * @return the value
	 */
	public String requiredString(String name, int maxChars) {
		String value = string(name);
		if (value == null) {
			throw missing(param(name));
		}
		return checkText(param(name), value, maxChars);
	}

	/**
	 * An optional boolean field.
	 * @param name the field
	 * @return the value, or null
	 */
	public Boolean bool(String name) {
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
	 * An optional integer field within a range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param max the largest value accepted; {@link Integer#MAX_VALUE} for no upper bound
	 * @return the value, or null
	 */
	public Integer integer(String name, int min, int max) {
		Long value = int64(name, min, max);
		return (value != null) ? value.intValue() : null;
	}

	/**
	 * An optional 64-bit integer field within a range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param max the largest value accepted; from {@link Integer#MAX_VALUE} up the
	 * message reads "at least {@code min}"
	 * @return the value, or null
	 */
	public Long int64(String name, long min, long max) {
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
		return value.longValue();
	}

	/**
	 * An optional field holding any 64-bit integer, such as a seed.
	 * @param name the field
	 * @return the value, or null
	 */
	public Long int64(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw typeError(param(name), "an integer", value);
		}
		if (!value.canConvertToLong()) {
			throw ApiException.invalidRequest(param(name),
					"Invalid '" + param(name) + "': expected a 64-bit integer, but got " + value + " instead.");
		}
		return value.longValue();
	}

	/**
	 * An optional finite number field.
	 * @param name the field
	 * @return the value, or null
	 */
	public Double number(String name) {
		return number(name, Double.NEGATIVE_INFINITY, false, Double.MAX_VALUE);
	}

	/**
	 * An optional number field within a closed range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param max the largest value accepted
	 * @return the value, or null
	 */
	public Double number(String name, double min, double max) {
		return number(name, min, true, max);
	}

	/**
	 * An optional number field within a range.
	 * @param name the field
	 * @param min the smallest value accepted
	 * @param minInclusive whether {@code min} itself is accepted
	 * @param max the largest value accepted (inclusive)
	 * @return the value, or null
	 */
	public Double number(String name, double min, boolean minInclusive, double max) {
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
		if (!Double.isFinite(number)) {
			throw ApiException.invalidRequest(param(name),
					"Invalid '" + param(name) + "': expected a finite number, but got " + value + " instead.");
		}
		return number;
	}

	/**
	 * An optional array field with {@code 1..maxSize} elements.
	 * @param name the field
	 * @param maxSize the most elements accepted
	 * @return the array, or null
	 */
	public JsonNode array(String name, int maxSize) {
		JsonNode value = value(name);
		return (value != null) ? checkArray(param(name), value, maxSize) : null;
	}

	/**
	 * An array field that must be given, with {@code 1..maxSize} elements.
	 * @param name the field
	 * @param maxSize the most elements accepted
	 * @return the array
	 */
	public JsonNode requiredArray(String name, int maxSize) {
		JsonNode array = array(name, maxSize);
		if (array == null) {
			throw missing(param(name));
		}
		return array;
	}

	/**
	 * Checks that a value is an array of {@code 1..maxSize} elements.
	 * @param param the value's path
	 * @param value the value
	 * @param maxSize the most elements accepted
	 * @return the value
	 */
	public static JsonNode checkArray(String param, JsonNode value, int maxSize) {
		if (!value.isArray()) {
			throw typeError(param, "an array", value);
		}
		if (value.isEmpty()) {
			throw emptyArray(param);
		}
		if (value.size() > maxSize) {
			throw ApiException.invalidRequest(param, "Invalid '" + param + "': " + value.size()
					+ " elements is too many; at most " + maxSize + " are accepted.");
		}
		return value;
	}

	/**
	 * Checks that a string is not blank and at most {@code maxChars} long.
	 * @param param the string's path
	 * @param value the string
	 * @param maxChars the most UTF-16 chars accepted
	 * @return the value
	 */
	public static String checkText(String param, String value, int maxChars) {
		if (value.isBlank()) {
			throw ApiException.invalidRequest(param,
					"Invalid '" + param + "': expected a non-empty string, but got an empty one instead.");
		}
		if (value.length() > maxChars) {
			throw tooLong(param, value.length(), maxChars);
		}
		return value;
	}

	/**
	 * The 400 for a value of the wrong JSON type.
	 * @param param the value's path
	 * @param expected what was expected, with its article ("an integer")
	 * @param value what was sent, or null for nothing
	 * @return the error
	 */
	public static ApiException typeError(String param, String expected, JsonNode value) {
		return ApiException.invalidRequest(param, "Invalid type for '" + param + "': expected " + expected
				+ ", but got " + typeName(value) + " instead.");
	}

	/**
	 * The 400 for an integer outside its range.
	 * @param param the value's path
	 * @param min the smallest value accepted
	 * @param max the largest; from {@link Integer#MAX_VALUE} up the message reads "at
	 * least"
	 * @param value what was sent
	 * @return the error
	 */
	public static ApiException rangeError(String param, long min, long max, JsonNode value) {
		String range = (max >= Integer.MAX_VALUE) ? "at least " + min : "between " + min + " and " + max;
		return ApiException.invalidRequest(param,
				"Invalid '" + param + "': expected a value " + range + ", but got " + value + " instead.");
	}

	/**
	 * The 400 for a string longer than accepted.
	 * @param param the value's path
	 * @param length its length in UTF-16 chars
	 * @param maxChars the most accepted
	 * @return the error
	 */
	public static ApiException tooLong(String param, int length, int maxChars) {
		return ApiException.invalidRequest(param, "Invalid '" + param + "': " + length
				+ " characters is too long; at most " + maxChars + " are accepted.");
	}

	/**
	 * The 400 for an array that must not be empty.
	 * @param param the array's path
	 * @return the error
	 */
	public static ApiException emptyArray(String param) {
		return ApiException.invalidRequest(param, "Invalid '" + param
				+ "': empty array. Expected an array with minimum length 1, but got an empty array instead.");
	}

	/**
	 * The 400 for a required field that is absent or null.
	 * @param param the field's path
	 * @return the error
	 */
	public static ApiException missing(String param) {
		return ApiException.invalidRequest(param, "Missing required parameter: '" + param + "'.");
	}

	/**
	 * The 400 for a field Quorum understands but does not honour, with code
	 * {@code unsupported_parameter}.
	 * @param param the field's path
	 * @param why what Quorum does instead, or what to send
	 * @return the error
	 */
	public static ApiException unsupported(String param, String why) {
		return new ApiException(400, ErrorType.INVALID_REQUEST, "'" + param + "' is not supported: " + why, param,
				"unsupported_parameter", null);
	}

	/**
	 * A value's JSON type as the messages name it.
	 * @param value the value, or null
	 * @return "a string", "an integer", "nothing", ...
	 */
	public static String typeName(JsonNode value) {
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
