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
import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forks, batch composition, prefix caching and the KV pool, through the public API.
 */
class ContinuousBatchingTests {

	@TempDir
	static Path dir;

	static LoadedModel model;

	static Engine engine;

	static final SamplingParams GREEDY = SamplingParams.greedy(24).withStops(Set.of(), List.of(), true);

	static final SamplingParams SAMPLED = GREEDY.withTemperature(0.9f).withFilters(40, 0.95f, 0.02f).withSeed(1234L);

	@BeforeAll
	static void start() {
		model = LoadedModel.load(TestModels.write(dir.resolve("m.gguf"), TestModels.Spec.small()));
		engine = Engine.start(model, EngineConfig.defaults().withThreads(2).withKvCacheBytes(2 << 20).withBlockSize(8));
	}

	@AfterAll
	static void stop() {
		engine.close();
		model.close();
	}

	static int[] prompt(String text) {
		return model.tokenizer().orElseThrow().encode(text, true, false);
	}

	static Collector run(GenerationRequest request) {
		return new Collector().submit(engine, request).await();
	}

	@Test
	void fourForkedChoicesEqualFourSeparateRuns() {
		int[] p = prompt("Q: Tom has 3 apples and buys 4 more. How many?\n");
		Collector forked = run(GenerationRequest.of(p, GREEDY).withN(4));
		int[] alone = run(GenerationRequest.of(p, GREEDY)).tokens(0);
		for (int i = 0; i < 4; i++) {
			assertThat(forked.tokens(i)).as("greedy choice %d", i).containsExactly(alone);
		}
		Collector sampled = run(GenerationRequest.of(p, SAMPLED).withN(4));
		List<int[]> distinct = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int[] separate = run(GenerationRequest.of(p, SAMPLED.withSeed(1234L + i))).tokens(0);
			assertThat(sampled.tokens(i)).as("sampled choice %d = seed + %d alone", i, i).containsExactly(separate);
			distinct.add(separate);
		}
		assertThat(distinct.get(0)).isNotEqualTo(distinct.get(1));
		assertThat(sampled.completed().usage().completionTokens()).isEqualTo(4 * 24);
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

	@Test
	void batchCompositionDoesNotChangeASequencesTokens() {
		int[] p = prompt("Q: Sam reads 12 pages a day. How many in a week?\n");
		int[] greedyAlone = run(GenerationRequest.of(p, GREEDY)).tokens(0);
		int[] sampledAlone = run(GenerationRequest.of(p, SAMPLED)).tokens(0);
		// the same requests in a crowd: other prompts of other lengths, submitted around
		// them
		List<Collector> crowd = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			crowd.add(new Collector().submit(engine,
					GenerationRequest.of(prompt("noise " + i + " ".repeat(i * 7)), SAMPLED.withSeed((long) i))));
		}
		Collector g = new Collector().submit(engine, GenerationRequest.of(p, GREEDY));
		crowd.add(new Collector().submit(engine, GenerationRequest.of(prompt("late"), GREEDY).withN(3)));
		Collector s = new Collector().submit(engine, GenerationRequest.of(p, SAMPLED));
		crowd.forEach(Collector::await);
		assertThat(g.await().tokens(0)).containsExactly(greedyAlone);
		assertThat(s.await().tokens(0)).containsExactly(sampledAlone);
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

	@Test
	void repeatedPromptPrefixIsNotRecomputed() {
		int[] p = prompt("Q: A farmer has 17 sheep and all but 9 run away. How many are left?\n");
		Collector first = run(GenerationRequest.of(p, GREEDY));
		Collector second = run(GenerationRequest.of(p, GREEDY));
		assertThat(first.completed().usage().cachedPromptTokens()).isZero();
		assertThat(second.completed().usage().cachedPromptTokens()).isEqualTo((p.length - 1) / 8 * 8);
		assertThat(second.tokens(0)).containsExactly(first.tokens(0));
		assertThat(engine.cachedPrefixTokens(p)).isEqualTo(p.length / 8 * 8);
	}

	@Test
	void cancellingFreesTheBlocksAtOnce() throws Exception {
		int[] p = prompt("Q: count to a thousand\n");
		Collector c = new Collector();
		c.submit(engine, GenerationRequest.of(p, GREEDY.withMaxTokens(400)).withN(2));
		c.handle().cancel();
		c.await();
		assertThat(c.finish(0).reason()).isEqualTo(FinishReason.CANCELLED);
		assertThat(c.finish(1).reason()).isEqualTo(FinishReason.CANCELLED);
		assertThat(c.tokens(0).length).isLessThan(400);
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

	@Test
	void branchingForksOneChoicePerLikelyFirstToken() {
		int[] p = prompt("Q: 7 + 5 =");
		float[] logits = dev.quorum.engine.Probe.lastLogits(model, p);
		Collector c = run(
				GenerationRequest.of(p, GREEDY.withMaxTokens(6)).withBranching(new GenerationRequest.Branching(3, 0f)));
		var branches = c.completed().branches();
		assertThat(branches).hasSize(3);
		double logZ = dev.quorum.engine.sample.TokenLogprobs.logSumExp(logits, 0, logits.length);
		for (int i = 0; i < 3; i++) {
			int first = branches.get(i).tokenId();
			assertThat(c.tokens(i)[0]).isEqualTo(first);
			assertThat((double) branches.get(i).probability()).isCloseTo(Math.exp(logits[first] - logZ),
					org.assertj.core.api.Assertions.within(1e-6));
			// each branch continues greedily: the same as greedy decoding after prompt +
			// first token
			int[] extended = java.util.Arrays.copyOf(p, p.length + 1);
			extended[p.length] = first;
			int[] rest = run(GenerationRequest.of(extended, GREEDY.withMaxTokens(5))).tokens(0);
			assertThat(java.util.Arrays.copyOfRange(c.tokens(i), 1, 6)).containsExactly(rest);
		}
		assertThat(branches.get(0).probability()).isGreaterThanOrEqualTo(branches.get(1).probability());
		Collector floor = run(GenerationRequest.of(p, GREEDY.withMaxTokens(2))
			.withBranching(new GenerationRequest.Branching(5, 0.99f)));
		assertThat(floor.completed().branches()).hasSize(1);
	}

	@Test
	void aListenerThatThrowsEndsItsRequestWithAnError() {
		int[] p = prompt("Q: hi\n");
		List<Object> seen = new ArrayList<>();
		var handle = engine.submit(GenerationRequest.of(p, GREEDY.withMaxTokens(50)), (event) -> {
			seen.add(event);
			if (seen.size() == 2) {
				throw new IllegalStateException("client went away");
			}
		});
		var done = handle.completion().join();
		assertThat(done.error()).contains("client went away");
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

}
