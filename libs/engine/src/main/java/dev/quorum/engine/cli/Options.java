// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options, {@code --flag} switches and positional arguments.
 */
final class Options {

	private static final Set<String> FLAGS = Set.of("chat", "no-bos", "special", "no-warmup");

	private final Map<String, String> values = new HashMap<>();

	private final List<String> positional = new ArrayList<>();

	/** A command line that does not make sense. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	static Options parse(String[] args) {
		Options o = new Options();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--")) {
				String name = a.substring(2);
				if (FLAGS.contains(name)) {
					o.values.put(name, "true");
				}
				else if (i + 1 < args.length) {
					o.values.put(name, args[++i]);
				}
				else {
					throw new UsageException("option --" + name + " needs a value");
				}
			}
			else {
				o.positional.add(a);
			}
		}
		return o;
	}

	String require(String name) {
		String v = this.values.get(name);
		if (v == null) {
			throw new UsageException("missing --" + name);
		}
		return v;
	}

	String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	boolean flag(String name) {
		return this.values.containsKey(name);
	}

	int integer(String name, int fallback) {
		String v = this.values.get(name);
		try {
			return (v == null) ? fallback : Integer.parseInt(v);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " needs an integer, got '" + v + "'");
		}
	}

	float number(String name, float fallback) {
		String v = this.values.get(name);
		try {
			return (v == null) ? fallback : Float.parseFloat(v);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " needs a number, got '" + v + "'");
		}
	}

	Long optionalLong(String name) {
		String v = this.values.get(name);
		try {
			return (v == null) ? null : Long.parseLong(v);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " needs an integer, got '" + v + "'");
		}
	}

	String positionalOrOption(String name) {
		if (!this.positional.isEmpty()) {
			return this.positional.get(0);
		}
		return require(name);
	}

}
