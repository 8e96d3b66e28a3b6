// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.bench.cli.Args;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.strategy.StrategyName;
import tools.jackson.core.JacksonException;

/**
 * One strategy of an accuracy run, written as a strategy model name with optional extra
 * {@code /v1/reason} fields:
 * {@code sc-16/tiny-reasoner?early_stop.rule=none&temperature=0.8}. Dotted keys nest
 * ({@code early_stop.rule} is {@code {"early_stop":{"rule":...}}}); values that read as
 * numbers or booleans are sent as such, and a value that starts with {@code [} or
 * {@code {} is JSON, so it can replace a whole field: {@code
 * ensemble-10/tiny-reasoner+tiny-reasoner-b?models=[{"name":"tiny-reasoner"},{"name":"tiny-reasoner-b","weight":2}]}.
 *
 * @param label the entry as written (the table's row name)
 *
 * @param fields the request fields besides {@code question}
 */
public record StrategyEntry(String label, Map<String, Object> fields) {

	/**
	 * Parses entries separated by {@code ;}.
	 * @param spec the list
	 * @return the entries, in order
	 */
	public static List<StrategyEntry> parseAll(String spec) {
		List<StrategyEntry> entries = new ArrayList<>();
		for (String part : spec.split(";")) {
			if (!part.isBlank()) {
				entries.add(parse(part.strip()));
			}
		}
		if (entries.isEmpty()) {
			throw new Args.UsageException("--strategies names no strategy");
		}
		return entries;
	}

	/**
	 * Parses one entry.
	 * @param text e.g. {@code vv-8/tiny-reasoner?verifier.method=genrm}
	 * @return the entry
	 */
	public static StrategyEntry parse(String text) {
		int q = text.indexOf('?');
		String name = (q < 0) ? text : text.substring(0, q);
		StrategyName parsed;
		try {
			parsed = StrategyName.parse(name);
		}
		catch (ReasoningException ex) {
			throw new Args.UsageException("bad strategy '" + text + "': " + ex.getMessage());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("strategy", parsed.strategy().wireName());
		fields.put("models", parsed.models());
		if (parsed.n() != null) {
			fields.put("n", parsed.n());
		}
		if (q >= 0) {
			for (String pair : text.substring(q + 1).split("&")) {
				int eq = pair.indexOf('=');
				if (eq <= 0) {
					throw new Args.UsageException("bad field '" + pair + "' in '" + text + "' (expected key=value)");
				}
				put(fields, pair.substring(0, eq).split("\\."), value(pair.substring(eq + 1)));
			}
		}
		return new StrategyEntry(text, fields);
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> fields, String[] path, Object value) {
		Map<String, Object> at = fields;
		for (int i = 0; i < path.length - 1; i++) {
			Object next = at.computeIfAbsent(path[i], (k) -> new LinkedHashMap<String, Object>());
			if (!(next instanceof Map)) {
				throw new Args.UsageException("field '" + path[i] + "' is both a value and an object");
			}
			at = (Map<String, Object>) next;
		}
		at.put(path[path.length - 1], value);
	}

	static Object value(String text) {
		if (text.startsWith("[") || text.startsWith("{")) {
			try {
				return OpenAiJson.mapper().readValue(text, Object.class);
			}
			catch (JacksonException ex) {
				throw new Args.UsageException("bad JSON value '" + text + "': " + ex.getOriginalMessage());
			}
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			// not an integer
		}
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

}
