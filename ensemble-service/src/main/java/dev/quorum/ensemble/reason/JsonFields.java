// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.util.Set;

import dev.quorum.openai.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict reading of one JSON object of a request: unknown fields, wrong types and
 * out-of-range values are 400s naming the field by its path ({@code early_stop.rule}).
 * Absent and {@code null} both read as "not given".
 *
 * @param node the object
 * @param path its path, empty for the body
 */
record JsonFields(JsonNode node, String path) {

	static JsonFields of(JsonNode value, String path) {
		if (value == null || !value.isObject()) {
			throw ApiException.invalidRequest(path.isEmpty() ? null : path,
					(path.isEmpty() ? "The request body" : "'" + path + "'") + " must be a JSON object");
		}
		return new JsonFields(value, path);
	}

	String param(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	void only(Set<String> known) {
		for (String name : this.node.propertyNames()) {
			if (!known.contains(name)) {
				throw ApiException.invalidRequest(param(name), "Unrecognized request argument supplied: " + param(name)
						+ "; expected one of " + known.stream().sorted().toList());
			}
		}
	}

	JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	String string(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isString()) {
			throw type(name, "a string");
		}
		return (value != null) ? value.stringValue() : null;
	}

	Boolean bool(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isBoolean()) {
			throw type(name, "a boolean");
		}
		return (value != null) ? value.booleanValue() : null;
	}

	Long integer(String name, long min, long max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw type(name, "an integer");
		}
		if (value.longValue() < min || value.longValue() > max) {
			throw ApiException.invalidRequest(param(name),
					"'" + param(name) + "' must be between " + min + " and " + max + ", got " + value);
		}
		return value.longValue();
	}

	Integer count(String name) {
		Long value = integer(name, 1, 1_000_000);
		return (value != null) ? value.intValue() : null;
	}

	Double number(String name) {
		JsonNode value = value(name);
		if (value != null && (!value.isNumber() || !Double.isFinite(value.doubleValue()))) {
			throw type(name, "a number");
		}
		return (value != null) ? value.doubleValue() : null;
	}

	JsonFields object(String name) {
		JsonNode value = value(name);
		return (value != null) ? of(value, param(name)) : null;
	}

	ApiException type(String name, String expected) {
		return ApiException.invalidRequest(param(name), "'" + param(name) + "' must be " + expected);
	}

}
