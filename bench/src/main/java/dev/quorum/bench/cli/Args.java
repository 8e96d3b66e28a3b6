// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and {@code --flag} switches of one command. Every option a
 * command reads is checked against the names it declares, so a misspelt option is an
 * error rather than silently ignored.
 */
public final class Args {

	private final Map<String, String> values;

	private Args(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Parses a command's arguments.
	 * @param args the arguments after the command name
	 * @param options names that take a value
	 * @param flags names that take none
	 * @return the parsed arguments
	 * @throws UsageException for an unknown name, a missing value or a positional
	 * argument
	 */
	public static Args parse(List<String> args, Set<String> options, Set<String> flags) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (!a.startsWith("--")) {
				throw new UsageException("unexpected argument '" + a + "'");
			}
			String name = a.substring(2);
			String inline = null;
			int eq = name.indexOf('=');
			if (eq > 0) {
				inline = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			if (flags.contains(name) && inline == null) {
				values.put(name, "true");
			}
			else if (options.contains(name)) {
				if (inline == null && i + 1 >= args.size()) {
					throw new UsageException("option --" + name + " needs a value");
				}
				values.put(name, (inline != null) ? inline : args.get(++i));
			}
			else {
				throw new UsageException("unknown option --" + name);
			}
		}
		return new Args(values);
	}

	/**
	 * A required option.
	 * @param name the name
	 * @return its value
	 */
	public String require(String name) {
		String v = this.values.get(name);
		if (v == null) {
			throw new UsageException("missing --" + name);
		}
		return v;
	}

	/**
	 * An option with a default.
	 * @param name the name
	 * @param fallback the default
	 * @return the value
	 */
	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	/**
	 * Whether an option or flag was given.
	 * @param name the name
	 * @return true when present
	 */
	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * An integer option.
	 * @param name the name
	 * @param fallback the default
	 * @return the value
	 */
	public int integer(String name, int fallback) {
		String v = this.values.get(name);
		try {
			return (v == null) ? fallback : Integer.parseInt(v);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " needs an integer, got '" + v + "'");
		}
	}

	/**
	 * A number option.
	 * @param name the name
	 * @param fallback the default
	 * @return the value
	 */
	public double number(String name, double fallback) {
		String v = this.values.get(name);
		try {
			return (v == null) ? fallback : Double.parseDouble(v);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " needs a number, got '" + v + "'");
		}
	}

	/**
	 * A comma-separated list option.
	 * @param name the name
	 * @param fallback the default list
	 * @return the items, trimmed, empty ones dropped
	 */
	public List<String> list(String name, List<String> fallback) {
		String v = this.values.get(name);
		if (v == null) {
			return fallback;
		}
		return java.util.Arrays.stream(v.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * A comma-separated list of integers.
	 * @param name the name
	 * @param fallback the default list
	 * @return the integers
	 */
	public List<Integer> integers(String name, List<Integer> fallback) {
		if (!has(name)) {
			return fallback;
		}
		try {
			return list(name, List.of()).stream().map(Integer::parseInt).toList();
		}
		catch (NumberFormatException ex) {
			throw new UsageException(
					"--" + name + " needs comma-separated integers, got '" + this.values.get(name) + "'");
		}
	}

	/** A command line that does not make sense. */
	public static final class UsageException extends RuntimeException {

		/**
		 * Creates the exception.
		 * @param message what is wrong
		 */
		public UsageException(String message) {
			super(message);
		}

	}

}
