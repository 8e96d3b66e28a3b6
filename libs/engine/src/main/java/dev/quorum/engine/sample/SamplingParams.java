// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.List;
import java.util.Set;

/**
 * How to pick tokens and when to stop. The sampler applies, in order: temperature, top-k,
 * top-p, min-p, then draws from what is left (temperature 0 means greedy: the highest
 * logit, lowest id on ties).
 *
 * @param temperature 0 for greedy, otherwise logits are divided by it
 * @param topK keep the k most likely tokens (0 = all)
 * @param topP keep the smallest set of most likely tokens whose probability reaches p (1
 * = all)
 * @param minP drop tokens less likely than {@code minP} times the most likely one (0 =
 * none)
 * @param seed seed of the choice's random numbers; null draws one. With {@code n}
 * choices, choice {@code i} uses {@code seed + i}, so a choice can be reproduced alone
 * @param maxTokens most tokens to generate per choice
 * @param stopTokenIds token ids that end a choice (not emitted); the tokenizer's end
 * tokens are added unless {@code ignoreEos}
 * @param stopStrings texts that end a choice; text is never emitted past one
 * @param ignoreEos keep generating through end-of-sequence tokens (benchmarks)
 * @param logprobs report the chosen token's log-probability
 * @param topLogprobs also report this many most likely alternatives (0 to 20)
 */
public record SamplingParams(float temperature, int topK, float topP, float minP, Long seed, int maxTokens,
		Set<Integer> stopTokenIds, List<String> stopStrings, boolean ignoreEos, boolean logprobs, int topLogprobs) {

	/** Most alternatives {@link #topLogprobs} may ask for. */
	public static final int MAX_TOP_LOGPROBS = 20;

	/**
	 * Validates and copies.
	 * @param temperature 0 for greedy
	 * @param topK 0 for all
	 * @param topP 1 for all
	 * @param minP 0 for none
	 * @param seed null for random
	 * @param maxTokens at least 1
	 * @param stopTokenIds extra stop ids
	 * @param stopStrings stop texts
	 * @param ignoreEos whether to ignore end tokens
	 * @param logprobs whether to report logprobs
	 * @param topLogprobs alternatives to report
	 */
	public SamplingParams {
		if (!(temperature >= 0) || Float.isInfinite(temperature)) {
			throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
		}
		if (topK < 0) {
			throw new IllegalArgumentException("top_k must be >= 0, got " + topK);
		}
		if (!(topP > 0 && topP <= 1)) {
			throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
		}
		if (!(minP >= 0 && minP <= 1)) {
			throw new IllegalArgumentException("min_p must be in [0, 1], got " + minP);
		}
		if (maxTokens < 1) {
			throw new IllegalArgumentException("max_tokens must be >= 1, got " + maxTokens);
		}
		if (topLogprobs < 0 || topLogprobs > MAX_TOP_LOGPROBS) {
			throw new IllegalArgumentException(
					"top_logprobs must be in [0, " + MAX_TOP_LOGPROBS + "], got " + topLogprobs);
		}
		stopTokenIds = Set.copyOf(stopTokenIds);
		stopStrings = List.copyOf(stopStrings);
		for (String s : stopStrings) {
			if (s.isEmpty()) {
				throw new IllegalArgumentException("stop strings must not be empty");
			}
		}
	}

	/**
	 * Greedy decoding of up to {@code maxTokens} tokens.
	 * @param maxTokens the limit
	 * @return the parameters
	 */
	public static SamplingParams greedy(int maxTokens) {
		return new SamplingParams(0f, 0, 1f, 0f, null, maxTokens, Set.of(), List.of(), false, false, 0);
	}

	/**
	 * Whether tokens are drawn at random.
	 * @return temperature above 0
	 */
	public boolean isRandom() {
		return this.temperature > 0;
	}

	/**
	 * Copy with another temperature.
	 * @param t temperature
	 * @return the parameters
	 */
	public SamplingParams withTemperature(float t) {
		return new SamplingParams(t, this.topK, this.topP, this.minP, this.seed, this.maxTokens, this.stopTokenIds,
				this.stopStrings, this.ignoreEos, this.logprobs, this.topLogprobs);
	}

	/**
	 * Copy with top-k, top-p and min-p.
	 * @param k top-k
	 * @param p top-p
	 * @param min min-p
	 * @return the parameters
	 */
	public SamplingParams withFilters(int k, float p, float min) {
		return new SamplingParams(this.temperature, k, p, min, this.seed, this.maxTokens, this.stopTokenIds,
				this.stopStrings, this.ignoreEos, this.logprobs, this.topLogprobs);
	}

	/**
	 * Copy with a seed.
	 * @param s the seed, or null
	 * @return the parameters
	 */
	public SamplingParams withSeed(Long s) {
		return new SamplingParams(this.temperature, this.topK, this.topP, this.minP, s, this.maxTokens,
				this.stopTokenIds, this.stopStrings, this.ignoreEos, this.logprobs, this.topLogprobs);
	}

	/**
	 * Copy with stop conditions.
	 * @param ids stop token ids
	 * @param strings stop strings
	 * @param ignore whether to ignore the tokenizer's end tokens
	 * @return the parameters
	 */
	public SamplingParams withStops(Set<Integer> ids, List<String> strings, boolean ignore) {
		return new SamplingParams(this.temperature, this.topK, this.topP, this.minP, this.seed, this.maxTokens, ids,
				strings, ignore, this.logprobs, this.topLogprobs);
	}

	/**
	 * Copy with log-probability reporting.
	 * @param chosen report the chosen token's logprob
	 * @param top number of alternatives
	 * @return the parameters
	 */
	public SamplingParams withLogprobs(boolean chosen, int top) {
		return new SamplingParams(this.temperature, this.topK, this.topP, this.minP, this.seed, this.maxTokens,
				this.stopTokenIds, this.stopStrings, this.ignoreEos, chosen, top);
	}

	/**
	 * Copy with another token limit.
	 * @param n max tokens
	 * @return the parameters
	 */
	public SamplingParams withMaxTokens(int n) {
		return new SamplingParams(this.temperature, this.topK, this.topP, this.minP, this.seed, n, this.stopTokenIds,
				this.stopStrings, this.ignoreEos, this.logprobs, this.topLogprobs);
	}

}
