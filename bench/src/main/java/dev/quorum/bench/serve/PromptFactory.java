// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.SplittableRandom;

/**
 * Writes prompts of a target token count, a share of which is a prefix common to every
 * prompt of the run (vLLM's "shared prefix" workloads; a repeated system prompt or
 * document), the rest unique to the request. The same seed gives the same prompts.
 */
public final class PromptFactory {

	private final TokenBudget budget;

	private final long seed;

	private String shared = "";

	/**
	 * Creates a factory.
	 * @param budget how text length maps to tokens
	 * @param seed seed of the text
	 */
	public PromptFactory(TokenBudget budget, long seed) {
		this.budget = budget;
		this.seed = seed;
	}

	/**
	 * The prompt of request {@code index}.
	 * @param promptTokens target prompt length including the template's tokens
	 * @param sharedRatio share of the text tokens taken from the common prefix, 0 to 1
	 * @param index the request's number (its unique part is seeded by it)
	 * @return the prompt
	 */
	public Prompt prompt(int promptTokens, double sharedRatio, long index) {
		if (!(sharedRatio >= 0 && sharedRatio <= 1)) {
			throw new IllegalArgumentException("the shared-prefix ratio must be in [0, 1], got " + sharedRatio);
		}
		int textTokens = Math.max(1, promptTokens - this.budget.overheadTokens());
		int sharedTokens = (int) Math.floor(textTokens * sharedRatio);
		int sharedChars = this.budget.chars(sharedTokens);
		int uniqueChars = Math.max((sharedTokens < textTokens) ? 1 : 0, this.budget.chars(textTokens) - sharedChars);
		String text = sharedPrefix(sharedChars)
				+ Filler.words(uniqueChars, new SplittableRandom(this.seed * 1_000_003L + index + 1));
		return new Prompt(text, sharedTokens, promptTokens);
	}

	private String sharedPrefix(int chars) {
		if (this.shared.length() < chars) {
			this.shared = Filler.words(Math.max(chars, 2 * this.shared.length()), new SplittableRandom(this.seed));
		}
		return this.shared.substring(0, chars);
	}

	/**
	 * A prompt.
	 *
	 * @param text the message or prompt text
	 * @param sharedTokens tokens of it that every prompt of the run starts with
	 * @param targetTokens the prompt length aimed at, template included
	 */
	public record Prompt(String text, int sharedTokens, int targetTokens) {
	}

}
