// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quorum.reasoning.ReasoningException;

/**
 * A strategy model name of the OpenAI facade:
 * {@code <strategy>[-<n>]/<model>[+<model>...]}, e.g. {@code sc-16/tiny-reasoner},
 * {@code cot-decoding/tiny-reasoner}, {@code bon-8/tiny-reasoner},
 * {@code ensemble/tiny-reasoner+tiny-reasoner-b}.
 *
 * @param strategy the strategy
 * @param n the count after the dash, {@code null} when absent
 * @param models the model names, in order, at least one
 */
public record StrategyName(Strategy strategy, Integer n, List<String> models) {

	/** The grammar, quoted in every parse error. */
	public static final String GRAMMAR = "<strategy>[-<n>]/<model>[+<model>...], e.g. sc-16/tiny-reasoner or "
			+ "ensemble/tiny-reasoner+tiny-reasoner-b; strategies: " + Strategy.known();

	public StrategyName {
		models = List.copyOf(models);
	}

	/**
	 * Whether a model name addresses a strategy: its part before the first {@code /} is a
	 * strategy name, optionally followed by {@code -} and more. Plain model names,
	 * including ones with a slash such as {@code org/model}, are not.
	 * @param modelName the request's model field
	 * @return whether to route it to the strategies
	 */
	public static boolean isStrategyModel(String modelName) {
		int slash = (modelName != null) ? modelName.indexOf('/') : -1;
		return slash > 0 && matchStrategy(modelName.substring(0, slash)) != null;
	}

	/**
	 * Parses a strategy model name.
	 * @param modelName the name
	 * @return the parsed name
	 * @throws ReasoningException ({@code INVALID_REQUEST}, param {@code model}) saying
	 * what is wrong and showing the grammar
	 */
	public static StrategyName parse(String modelName) {
		if (modelName == null || modelName.isBlank()) {
			throw error("the model name is empty");
		}
		int slash = modelName.indexOf('/');
		if (slash < 0) {
			throw error("'" + modelName + "' has no '/' between the strategy and the model");
		}
		String head = modelName.substring(0, slash);
		Strategy strategy = matchStrategy(head);
		if (strategy == null) {
			throw error("unknown strategy '" + head + "'");
		}
		Integer n = count(head, strategy);
		return new StrategyName(strategy, n, models(modelName.substring(slash + 1), strategy));
	}

	private static Integer count(String head, Strategy strategy) {
		String name = longestName(head, strategy);
		if (head.equals(name)) {
			return null;
		}
		String digits = head.substring(name.length() + 1);
		if (!strategy.takesN()) {
			throw error("strategy '" + name + "' takes no count, got '-" + digits + "'");
		}
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw error("the count after '" + name + "-' must be a positive integer, got '" + digits + "'");
		}
		if (digits.length() > 6) {
			throw error("the count '" + digits + "' is too large");
		}
		int n = Integer.parseInt(digits);
		if (n < 1) {
			throw error("the count must be at least 1, got " + n);
		}
		return n;
	}

	private static List<String> models(String tail, Strategy strategy) {
		if (tail.isEmpty()) {
			throw error("no model after '/'");
		}
		List<String> models = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String model : tail.split("\\+", -1)) {
			if (model.isEmpty()) {
				throw error("empty model name in '" + tail + "' (check the '+' separators)");
			}
			if (model.chars().anyMatch(Character::isWhitespace)) {
				throw error("model name '" + model + "' contains whitespace");
			}
			if (!seen.add(model)) {
				throw error("model '" + model + "' is listed twice");
			}
			models.add(model);
		}
		if (models.size() > 1 && strategy != Strategy.ENSEMBLE) {
			throw error("only ensemble combines several models; '" + strategy.wireName() + "' got " + models.size());
		}
		return models;
	}

	private static Strategy matchStrategy(String head) {
		for (Strategy s : Strategy.values()) {
			if (longestName(head, s) != null) {
				return s;
			}
		}
		return null;
	}

	/**
	 * The longest name of the strategy that {@code head} equals or continues with '-'.
	 */
	private static String longestName(String head, Strategy strategy) {
		String best = null;
		for (String name : strategy.names()) {
			boolean fits = head.equals(name) || head.startsWith(name + "-") && !continuesAnother(head, name);
			if (fits && (best == null || name.length() > best.length())) {
				best = name;
			}
		}
		return best;
	}

	/**
	 * Whether a longer name of another strategy also fits (e.g. {@code cot} within
	 * {@code cot-decoding}).
	 */
	private static boolean continuesAnother(String head, String name) {
		for (Strategy s : Strategy.values()) {
			for (String other : s.names()) {
				if (other.length() > name.length() && other.startsWith(name)
						&& (head.equals(other) || head.startsWith(other + "-"))) {
					return true;
				}
			}
		}
		return false;
	}

	private static ReasoningException error(String problem) {
		return ReasoningException.invalid("model", "invalid strategy model name: " + problem + "; expected " + GRAMMAR);
	}

}
