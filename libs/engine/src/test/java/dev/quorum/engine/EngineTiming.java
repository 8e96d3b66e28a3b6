// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.engine.sample.SamplingParams;

/**
 * A quick local timing harness (not a test): prompt processing, single-stream and batched
 * generation speed of a model through the public API. The machine is shared, so each
 * figure is the best of several rounds (interference only slows things down).
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
		int rounds = Integer.getInteger("rounds", 4);
		EngineConfig config = EngineConfig.defaults()
			.withThreads(threads)
			.withKvCacheBytes(1L << 30)
			.withPrefixCaching(false)
			.withMaxBatchTokens(512);
		try (LoadedModel model = LoadedModel.load(file); Engine engine = Engine.start(model, config)) {
			int vocab = model.config().vocabSize();
			SamplingParams one = SamplingParams.greedy(1).withStops(Set.of(), List.of(), true);
			for (int n : new int[] { 128, 512 }) {
				double best = 0;
				for (int round = 0; round <= rounds; round++) {
					GenerationEvent.Completed c = run(engine, List.of(prompt(n, round, vocab)), one).get(0);
					if (round > 0) {
						best = Math.max(best, n * 1e9 / c.stats().prefillNanos());
					}
				}
				System.out.printf("prompt %d tokens: %.1f tok/s%n", n, best);
			}
			SamplingParams gen = SamplingParams.greedy(128).withStops(Set.of(), List.of(), true);
			for (int b : batches) {
				double best = 0;
				for (int round = 0; round < rounds; round++) {
					List<int[]> prompts = new ArrayList<>();
					for (int i = 0; i < b; i++) {
						prompts.add(prompt(8, 100 + i, vocab));
					}
					long decodeNanos = 0;
					long tokens = 0;
					for (GenerationEvent.Completed c : run(engine, prompts, gen)) {
						decodeNanos = Math.max(decodeNanos, c.stats().decodeNanos());
						tokens += c.usage().completionTokens() - 1;
					}
					best = Math.max(best, tokens * 1e9 / decodeNanos);
				}
				System.out.printf("batch %2d: %.1f tok/s aggregate generation (%.1f per stream)%n", b, best, best / b);
			}
		}
	}

	private static List<GenerationEvent.Completed> run(Engine engine, List<int[]> prompts, SamplingParams params) {
		List<GenerationHandle> handles = new ArrayList<>();
		for (int[] p : prompts) {
			handles.add(engine.submit(GenerationRequest.of(p, params), (e) -> {
			}));
		}
		return handles.stream().map((h) -> h.completion().join()).toList();
	}

	private static int[] prompt(int n, int seed, int vocab) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++) {
			p[i] = Math.floorMod(i * 7919 + seed * 104729, vocab);
		}
		return p;
	}

}
