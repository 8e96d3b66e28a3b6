// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the reference fixtures (the engine has no JSON library):
 * objects become Maps, arrays Lists, numbers Long or Double.
 */
public final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	public static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.at != text.length()) {
			throw json.error("trailing characters");
		}
		return value;
	}

	private Object value() {
		skipSpace();
		char c = peek();
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		this.at++;
		skipSpace();
		if (peek() == '}') {
			this.at++;
			return map;
		}
		do {
			skipSpace();
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
		}
		while (next() == ',');
		if (this.text.charAt(this.at - 1) != '}') {
			throw error("expected , or }");
		}
		return map;
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		this.at++;
		skipSpace();
		if (peek() == ']') {
			this.at++;
			return list;
		}
		do {
			list.add(value());
			skipSpace();
		}
		while (next() == ',');
		if (this.text.charAt(this.at - 1) != ']') {
			throw error("expected , or ]");
		}
		return list;
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escape = next();
			switch (escape) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
					this.at += 4;
				}
				default -> out.append(escape); // \" \\ \/
			}
		}
	}

	private Object number() {
		int start = this.at;
		while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		String number = this.text.substring(start, this.at);
		if (number.isEmpty()) {
			throw error("unexpected character");
		}
		boolean integral = number.chars().noneMatch((c) -> c == '.' || c == 'e' || c == 'E');
		return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error("expected " + word);
		}
		this.at += word.length();
		return value;
	}

	private void skipSpace() {
		while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	private char peek() {
		if (this.at >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.at);
	}

	private char next() {
		char c = peek();
		this.at++;
		return c;
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("expected " + c);
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("JSON: " + message + " at offset " + this.at);
	}

}
