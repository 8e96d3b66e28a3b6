// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How text length maps to prompt tokens on the server: characters per token of filler
 * text, and the tokens the template adds around a message (BOS, role markers, the
 * {@code quorum-qa} "Q: ... A:" frame). With these a prompt of a target token count is
 * written without a tokenizer on the client.
 *
 * @param charsPerToken characters of filler text per token
 * @param overheadTokens tokens of the template around the text
 */
public record TokenBudget(double charsPerToken, int overheadTokens) {

	/**
	 * Validates.
	 * @param charsPerToken positive
	 * @param overheadTokens non-negative
	 */
	public TokenBudget {
		if (!(charsPerToken > 0) || overheadTokens < 0) {
			throw new IllegalArgumentException(
					"bad token budget: " + charsPerToken + " chars per token, " + overheadTokens + " overhead");
		}
	}

	/**
	 * Measures the budget with the server's {@code /v1/tokenize}: a one-character message
	 * and a long filler message.
	 * @param http the client
	 * @param endpoint chat (template applied) or completions (raw text)
	 * @param model the model
	 * @return the budget
	 */
	public static TokenBudget calibrate(OpenAiHttp http, Endpoint endpoint, String model) {
		String sample = Filler.words(4000, new SplittableRandom(0));
		int one = http.tokenize(endpoint, model, "a");
		int many = http.tokenize(endpoint, model, sample);
		double cpt = (sample.length() - 1) / (double) Math.max(1, many - one);
		int overhead = (int) Math.max(0, Math.round(one - 1 / cpt));
		return new TokenBudget(cpt, overhead);
	}

	/**
	 * Characters of filler text for a number of tokens.
	 * @param tokens the tokens
	 * @return the characters
	 */
	public int chars(int tokens) {
		return (int) Math.round(tokens * this.charsPerToken);
	}

	/**
	 * A short description.
	 * @return e.g. "1.00 chars/token, 8 template tokens"
	 */
	public String describe() {
		return String.format(Locale.ROOT, "%.2f chars/token, %d template tokens", this.charsPerToken,
				this.overheadTokens);
	}

}
