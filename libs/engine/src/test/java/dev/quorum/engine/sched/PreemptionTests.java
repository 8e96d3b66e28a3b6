// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.engine.Collector;
import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.TestModels;
import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KV budget too small for all requests at once: sequences are preempted and recomputed,
 * and still produce exactly what they produce with room to spare.
 */
class PreemptionTests {

	@TempDir
	Path dir;

	@Test
	void preemptedSequencesRecomputeToTheSameTokensAndThePoolEndsEmpty() {
		try (LoadedModel model = LoadedModel
			.load(TestModels.write(this.dir.resolve("m.gguf"), TestModels.Spec.small()))) {
			SamplingParams params = SamplingParams.greedy(40)
				.withStops(Set.of(), List.of(), true)
				.withTemperature(0.8f)
				.withSeed(99L);
			List<int[]> prompts = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				prompts.add(model.tokenizer().orElseThrow().encode("Q: question number " + i + "?\n", true, false));
			}
			List<int[]> roomy = generate(model, prompts, params, 4 << 20);
			long perBlock = KvCache.bytesPerBlock(model.config().layers(), model.config().kvDim(), 8);
			// 14 blocks of 8 tokens: each sequence grows to ~8 blocks, so at most two fit
			// at once
			try (Engine tight = Engine.start(model, config(14 * perBlock))) {
				List<Collector> runs = submitAll(tight, prompts, params);
				for (int i = 0; i < runs.size(); i++) {
					Collector c = runs.get(i).await();
					assertThat(c.finish(0).reason()).isEqualTo(FinishReason.LENGTH);
					assertThat(c.tokens(0)).as("prompt %d", i).containsExactly(roomy.get(i));
				}
				assertThat(tight.metrics().preemptions()).isPositive();
				assertThat(tight.metrics().usedBlocks()).isZero();
			}
			try (Engine tiny = Engine.start(model, config(2 * perBlock))) {
				Collector c = new Collector().submit(tiny, GenerationRequest.of(prompts.get(0), params)).await();
				assertThat(c.finish(0).reason()).isEqualTo(FinishReason.ERROR);
				assertThat(c.completed().error()).contains("KV blocks");
				assertThat(tiny.metrics().usedBlocks()).isZero();
			}
		}
	}

	private static EngineConfig config(long kvBytes) {
		return EngineConfig.defaults().withThreads(2).withKvCacheBytes(kvBytes).withBlockSize(8);
	}

	private static List<int[]> generate(LoadedModel model, List<int[]> prompts, SamplingParams params, long kv) {
		try (Engine engine = Engine.start(model, config(kv))) {
			return submitAll(engine, prompts, params).stream().map((c) -> c.await().tokens(0)).toList();
		}
	}

	private static List<Collector> submitAll(Engine engine, List<int[]> prompts, SamplingParams params) {
		return prompts.stream().map((p) -> new Collector().submit(engine, GenerationRequest.of(p, params))).toList();
	}

}
