// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.quorum.engine.Collector;
import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.TestModels;
import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prefill/decode hand-off: one engine computes and exports the KV of a prompt's whole
 * blocks, another imports it and only computes the tail, with identical results.
 */
class KvTransferTests {

	@TempDir
	Path dir;

	/** Blocks of 8 tokens, so that a short prompt spans several. */
	private static final EngineConfig CONFIG = EngineConfig.defaults()
		.withThreads(2)
		.withKvCacheBytes(2 << 20)
		.withBlockSize(8);

	private LoadedModel model() throws Exception {
		return LoadedModel.load(TestModels.write(this.dir.resolve("m.gguf"), TestModels.Spec.small()));
	}

	private static int[] encode(LoadedModel model, String text) {
		return model.tokenizer().orElseThrow().encode(text, true, false);
	}

	private static SamplingParams greedy(int tokens, int topLogprobs) {
		return SamplingParams.greedy(tokens).withStops(Set.of(), List.of(), true).withLogprobs(true, topLogprobs);
	}

	/** The generation of an engine that computes the whole prompt itself. */
	private static Collector computedLocally(LoadedModel model, int[] prompt, SamplingParams params) throws Exception {
		try (Engine local = Engine.start(model, CONFIG.withPrefixCaching(false))) {
			return new Collector().submit(local, GenerationRequest.of(prompt, params)).await();
		}
	}

	/** Same tokens with the same log-probabilities, top alternatives included. */
	private static void assertSameGeneration(Collector actual, Collector expected) {
		assertThat(actual.tokens(0)).containsExactly(expected.tokens(0));
		List<GenerationEvent.Token> a = expected.tokenEvents(0);
		List<GenerationEvent.Token> b = actual.tokenEvents(0);
		for (int i = 0; i < a.size(); i++) {
			assertThat(b.get(i).logprobs().logprob()).isEqualTo(a.get(i).logprobs().logprob());
			assertThat(b.get(i).logprobs().topLogprobs()).containsExactly(a.get(i).logprobs().topLogprobs());
		}
	}

	@Test
	void importedKvGivesTheSameLogitsAsComputedKv() throws Exception {
		try (LoadedModel model = model()) {
			int[] prompt = encode(model, "Q: Ann has 14 marbles, loses 5 and finds 8. How many now?\n");
			SamplingParams params = greedy(16, 5);
			int whole = prompt.length / 8 * 8;
			PrefillResult prefill;
			try (Engine prefillEngine = Engine.start(model, CONFIG)) {
				prefill = prefillEngine.prefill(PrefillRequest.of(prompt)).get();
				assertThat(prefill.kv().length()).isEqualTo(whole);
				assertThat(prefill.kv().layers()).isEqualTo(model.config().layers());
				assertThat(prefill.kv().kvDim()).isEqualTo(model.config().kvDim());
				assertThat(prefill.computedTokens()).isEqualTo(whole);
				assertThat(prefillEngine.metrics().usedBlocks()).isZero();
				// a second prefill reuses the cached blocks and exports only what is
				// asked
				PrefillResult again = prefillEngine.prefill(new PrefillRequest(prompt, null, 16)).get();
				assertThat(again.reusedTokens()).isEqualTo(whole);
				assertThat(again.computedTokens()).isZero();
				assertThat(again.kv().start()).isEqualTo(16);
				assertThat(again.kv().keys()[1]).containsExactly(prefill.kv().slice(16, whole).keys()[1]);
			}
			Collector computed = computedLocally(model, prompt, params);
			// a fresh engine that never saw the prompt: import the blocks, decode the
			// tail
			try (Engine decode = Engine.start(model, CONFIG.withPrefixCaching(false))) {
				KvSlice kv = KvSlice.concat(List.of(prefill.kv().slice(0, 8), prefill.kv().slice(8, whole)));
				Collector imported = new Collector()
					.submit(decode, GenerationRequest.of(prompt, params).withImportedPrefix(kv))
					.await();
				assertThat(imported.completed().usage().cachedPromptTokens()).isEqualTo(whole);
				assertSameGeneration(imported, computed);
				assertThat(decode.metrics().usedBlocks()).isZero();
				int[] other = prompt.clone();
				other[1]++;
				assertThatThrownBy(
						() -> decode.submit(GenerationRequest.of(other, params).withImportedPrefix(kv), (e) -> {
						}))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("other tokens");
			}
		}
	}

	@Test
	void importedRunAfterBlocksInThePrefixCacheContinuesThemAndAGapIsRecomputed() throws Exception {
		try (LoadedModel model = model()) {
			int[] prompt = encode(model, "Q: Tom has 427 shells. He gives away 188. He finds 12 more. How many now?\n");
			SamplingParams params = greedy(12, 3);
			int whole = (prompt.length - 1) / 8 * 8;
			assertThat(whole).isGreaterThanOrEqualTo(24);
			PrefillResult prefill;
			try (Engine prefillEngine = Engine.start(model, CONFIG)) {
				prefill = prefillEngine.prefill(PrefillRequest.of(prompt)).get();
			}
			Collector computed = computedLocally(model, prompt, params);
			KvSlice tail = prefill.kv().slice(8, whole); // tokens [8, whole)
			try (Engine decode = Engine.start(model, CONFIG)) {
				// the first block reaches the prefix cache through an earlier request
				new Collector().submit(decode, GenerationRequest.of(Arrays.copyOf(prompt, 9), SamplingParams.greedy(1)))
					.await();
				assertThat(decode.cachedPrefixTokens(prompt)).isEqualTo(8);
				Collector continued = new Collector()
					.submit(decode, GenerationRequest.of(prompt, params).withImportedPrefix(tail))
					.await();
				assertThat(continued.completed().usage().cachedPromptTokens()).isEqualTo(whole);
				assertSameGeneration(continued, computed);
			}
			try (Engine fresh = Engine.start(model, CONFIG)) {
				// block 0 is in neither place: nothing can be reused, all is computed
				Collector gap = new Collector()
					.submit(fresh, GenerationRequest.of(prompt, params).withImportedPrefix(tail))
					.await();
				assertThat(gap.completed().usage().cachedPromptTokens()).isZero();
				assertSameGeneration(gap, computed);
				KvSlice unaligned = prefill.kv().slice(0, 16);
				KvSlice shifted = new KvSlice(4, unaligned.tokens(), unaligned.kvDim(), unaligned.keys(),
						unaligned.values());
				assertThatThrownBy(
						() -> fresh.submit(GenerationRequest.of(prompt, params).withImportedPrefix(shifted), (e) -> {
						}))
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("whole blocks");
			}
		}
	}

	@Test
	void prefillShorterThanABlockExportsNothing() throws Exception {
		try (LoadedModel model = model();
				Engine engine = Engine.start(model,
						EngineConfig.defaults().withThreads(1).withKvCacheBytes(1 << 20).withBlockSize(32))) {
			List<Integer> seen = new ArrayList<>();
			PrefillResult r = engine.prefill(PrefillRequest.of(new int[] { 256, 1, 2 })).get();
			seen.add(r.kv().length());
			assertThat(seen).containsExactly(0);
			assertThat(engine.metrics().usedBlocks()).isZero();
		}
	}

}
