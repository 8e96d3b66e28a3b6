// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.reasoning.verify.GenRm;
import dev.quorum.reasoning.verify.TokenLogprob;

/**
 * Reads a verdict from one completion choice of {@code max_tokens: 1}: the alternatives
 * of its first token, plus the token itself when the backend left it out of its
 * alternatives. Entries that are not log probabilities (NaN, positive, infinite) are
 * skipped rather than trusted; a choice without logprobs is {@link Verdict#NO_LOGPROBS}.
 */
final class Verdicts {

	private Verdicts() {
	}

	/**
	 * The verdict of a choice.
	 * @param choice a choice of a completion asked with {@code logprobs}
	 * @return the verdict
	 */
	static Verdict of(CreateCompletionResponse.Choice choice) {
		CreateCompletionResponse.Logprobs logprobs = choice.logprobs();
		if (logprobs == null || logprobs.topLogprobs() == null || logprobs.topLogprobs().isEmpty()
				|| logprobs.topLogprobs().get(0) == null) {
			return Verdict.NO_LOGPROBS;
		}
		Map<String, Double> top = logprobs.topLogprobs().get(0);
		List<TokenLogprob> entries = new ArrayList<>(top.size() + 1);
		top.forEach((token, logprob) -> add(entries, token, logprob));
		String chosen = first(logprobs.tokens());
		Double chosenLogprob = first(logprobs.tokenLogprobs());
		if (chosen != null && !top.containsKey(chosen)) {
			add(entries, chosen, chosenLogprob);
		}
		return new Verdict(GenRm.yesNo(entries));
	}

	private static void add(List<TokenLogprob> entries, String token, Double logprob) {
		if (token != null && logprob != null && logprob <= 0 && logprob > Double.NEGATIVE_INFINITY) {
			entries.add(new TokenLogprob(token, logprob));
		}
	}

	private static <T> T first(List<T> values) {
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
