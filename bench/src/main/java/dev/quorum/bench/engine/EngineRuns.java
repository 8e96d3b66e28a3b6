// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.quorum.engine.Engine;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationHandle;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.sample.SamplingParams;

/**
 * One measurement each: prompt processing of an n-token prompt, and generation of a fixed
 * number of tokens by b streams at once (end-of-sequence ignored, so every stream
 * generates exactly as many tokens). Prompts are random token ids, fresh for every run;
 * prefix caching is off in the engine under test.
 */
final class EngineRuns {

	private final Engine engine;

	private final int vocab;

	private final SplittableRandom random;

	EngineRuns(Engine engine, long seed) {
		this.engine = engine;
		this.vocab = engine.model().config().vocabSize();
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Prompt processing speed: tokens over the time from admission to the first sampled
	 * token (the prompt's forward passes plus one sampling).
	 * @param tokens prompt length
	 * @return tokens/s
	 */
	double promptTokensPerSecond(int tokens) {
		SamplingParams one = fixedLength(1);
		GenerationEvent.Completed c = this.engine.submit(GenerationRequest.of(prompt(tokens), one), (e) -> {
		}).completion().join();
		check(c);
		return tokens * 1e9 / c.stats().prefillNanos();
	}

	/**
	 * Aggregate generation speed of {@code streams} sequences decoding together: tokens
	 * after each stream's first (which comes out of its prompt step) over the time from
	 * the earliest first token to the latest last token.
	 * @param streams sequences submitted at once, each with a one-token prompt
	 * @param tokens tokens each generates
	 * @return tokens/s over all streams
	 */
	double generationTokensPerSecond(int streams, int tokens) {
		long[] first = new long[streams];
		long[] last = new long[streams];
		List<GenerationHandle> handles = new ArrayList<>();
		SamplingParams params = fixedLength(tokens);
		for (int i = 0; i < streams; i++) {
			int slot = i;
			handles.add(this.engine.submit(GenerationRequest.of(prompt(1), params), (event) -> {
				if (event instanceof GenerationEvent.Token) {
					long now = System.nanoTime();
					if (first[slot] == 0) {
						first[slot] = now;
					}
					last[slot] = now;
				}
			}));
		}
		long generated = 0;
		for (GenerationHandle h : handles) {
			GenerationEvent.Completed c = h.completion().join();
			check(c);
			generated += c.usage().completionTokens() - 1;
		}
		long start = Long.MAX_VALUE;
		long end = Long.MIN_VALUE;
		for (int i = 0; i < streams; i++) {
			start = Math.min(start, first[i]);
			end = Math.max(end, last[i]);
		}
		return generated * 1e9 / (end - start);
	}

	private static SamplingParams fixedLength(int tokens) {
		return SamplingParams.greedy(tokens).withStops(Set.of(), List.of(), true);
	}

	private static void check(GenerationEvent.Completed c) {
		if (c.error() != null) {
			throw new IllegalStateException("the engine failed a benchmark request: " + c.error());
		}
	}

	private int[] prompt(int n) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = this.random.nextInt(this.vocab);
		}
		return p;
	}

}
