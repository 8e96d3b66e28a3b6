// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.engine.sample.SamplingParams;

/**
 * A quick local timing harness (not a test): prompt processing, single-stream and batched
 * generation speed of a model through the public API.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dev.quorum.engine.EngineTiming MODEL.gguf [threads] [batches...]
 * </pre>
 */
public final class EngineTiming {

	private EngineTiming() {
	}

	/**
	 * Runs the measurements.
	 * @param args model path, threads (default 2), batch sizes (default 1 4 16)
	 */
	public static void main(String[] args) {
		Path file = Path.of(args[0]);
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		List<Integer> batches = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			batches.add(Integer.parseInt(args[i]));
		}
		if (batches.isEmpty()) {
			batches = List.of(1, 4, 16);
		}
		EngineConfig config = EngineConfig.defaults()
			.withThreads(threads)
			.withKvCacheBytes(1L << 30)
			.withPrefixCaching(false)
			.withMaxBatchTokens(512);
		try (LoadedModel model = LoadedModel.load(file); Engine engine = Engine.start(model, config)) {
			int vocab = model.config().vocabSize();
			SamplingParams one = SamplingParams.greedy(1).withStops(Set.of(), List.of(), true);
			for (int round = 0; round < 3; round++) {
				for (int n : new int[] { 128, 512 }) {
					GenerationEvent.Completed c = engine
						.submit(GenerationRequest.of(prompt(n, round, vocab), one), (e) -> {
						})
						.completion()
						.join();
					System.out.printf("round %d: prompt %d tokens: %.1f tok/s%n", round, n,
							n * 1e9 / c.stats().prefillNanos());
				}
			}
			int gen = 128;
			for (int round = 0; round < 2; round++) {
				for (int b : batches) {
					SamplingParams params = SamplingParams.greedy(gen).withStops(Set.of(), List.of(), true);
					long start = System.nanoTime();
					List<GenerationHandle> handles = new ArrayList<>();
					for (int i = 0; i < b; i++) {
						handles.add(engine.submit(GenerationRequest.of(prompt(8, 100 + i, vocab), params), (e) -> {
						}));
					}
					long decodeNanos = 0;
					long tokens = 0;
					for (GenerationHandle h : handles) {
						GenerationEvent.Completed c = h.completion().join();
						decodeNanos = Math.max(decodeNanos, c.stats().decodeNanos());
						tokens += c.usage().completionTokens() - 1;
					}
					double wall = (System.nanoTime() - start) / 1e9;
					System.out.printf(
							"round %d: batch %2d: %.1f tok/s aggregate decode (%.1f per stream), wall %.2f s%n", round,
							b, tokens * 1e9 / decodeNanos, tokens * 1e9 / decodeNanos / b, wall);
				}
			}
		}
	}

	private static int[] prompt(int n, int seed, int vocab) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = Math.floorMod(i * 7919 + seed * 104729, vocab);
		}
		return p;
	}

}
