// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.nio.file.Path;
import java.util.Arrays;

import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API end to end on a small random model: greedy decoding against a
 * step-by-step recomputation, events, usage and the pool returning to empty.
 */
class EngineTests {

	@TempDir
	static Path dir;

	static LoadedModel model;

	static Engine engine;

	@BeforeAll
	static void start() {
		model = LoadedModel.load(TestModels.write(dir.resolve("m.gguf"), TestModels.Spec.small()));
		engine = Engine.start(model, EngineConfig.defaults().withThreads(2).withKvCacheBytes(4 << 20).withBlockSize(8));
	}

	@AfterAll
	static void stop() {
		engine.close();
		model.close();
	}

	@Test
	void greedyDecodingEqualsArgmaxOfRecomputedLogits() {
		int[] prompt = model.tokenizer().orElseThrow().encode("Q: 2+2?\n", true, false);
		Collector c = new Collector().submit(engine, GenerationRequest.of(prompt,
				SamplingParams.greedy(12).withStops(java.util.Set.of(), java.util.List.of(), true)))
			.await();
		int[] generated = c.tokens(0);
		assertThat(generated).hasSize(12);
		int[] seq = prompt;
		for (int expected : generated) {
			float[] logits = Probe.lastLogits(model, seq);
			assertThat(expected).isEqualTo(dev.quorum.engine.sample.Sampler.argmax(logits, 0, logits.length));
			seq = Arrays.copyOf(seq, seq.length + 1);
			seq[seq.length - 1] = expected;
		}
		GenerationEvent.Completed done = c.completed();
		assertThat(done.usage().promptTokens()).isEqualTo(prompt.length);
		assertThat(done.usage().completionTokens()).isEqualTo(12);
		assertThat(c.finish(0).reason()).isEqualTo(FinishReason.LENGTH);
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

}
