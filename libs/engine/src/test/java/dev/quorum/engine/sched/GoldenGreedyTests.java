// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.List;
import java.util.Set;

import dev.quorum.engine.Collector;
import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.Fixtures;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden greedy decoding in the style of llama2.c: 48 tokens from transformers' greedy
 * decoding of the fixture models (EOS ignored), reproduced through the engine's public
 * API, in a batch with other requests.
 */
class GoldenGreedyTests {

	static Iterable<String> models() {
		return Fixtures.MODELS;
	}

	@ParameterizedTest
	@MethodSource("models")
	void engineReproducesTransformersGreedyContinuation(String name) {
		String golden = Fixtures.text(name + ".greedy.json");
		int[] prompt = Fixtures.ints(golden, "prompt");
		int[] expected = Fixtures.ints(golden, "generated");
		try (LoadedModel model = LoadedModel.load(Fixtures.file(name + ".gguf"));
				Engine engine = Engine.start(model,
						EngineConfig.defaults().withThreads(2).withKvCacheBytes(8 << 20).withBlockSize(16))) {
			SamplingParams greedy = SamplingParams.greedy(expected.length).withStops(Set.of(), List.of(), true);
			Collector c = new Collector().submit(engine, GenerationRequest.of(prompt, greedy));
			// a second, different request in the same steps must not disturb the first
			Collector other = new Collector().submit(engine,
					GenerationRequest.of(new int[] { 256, 65, 66, 67 }, greedy.withMaxTokens(20)));
			c.await();
			other.await();
			assertThat(c.tokens(0)).containsExactly(expected);
			assertThat(engine.metrics().usedBlocks()).isZero();
		}
	}

}
