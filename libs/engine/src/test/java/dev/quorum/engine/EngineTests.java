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
		Collector c = new Collector()
			.submit(engine,
					GenerationRequest.of(prompt,
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

	@Test
	void stopStringsEndTheTextExactlyBeforeTheMatchEvenAcrossTokens() {
		int[] prompt = model.tokenizer().orElseThrow().encode("Q: 9-3?\n", true, false);
		SamplingParams free = SamplingParams.greedy(30).withStops(java.util.Set.of(), java.util.List.of(), true);
		Collector full = new Collector().submit(engine, GenerationRequest.of(prompt, free)).await();
		String text = full.text(0);
		String stop = text.substring(text.length() / 2, text.length() / 2 + 3);
		Collector stopped = new Collector()
			.submit(engine,
					GenerationRequest.of(prompt, free.withStops(java.util.Set.of(), java.util.List.of(stop), true)))
			.await();
		assertThat(stopped.text(0)).isEqualTo(text.substring(0, text.indexOf(stop)));
		assertThat(stopped.finish(0).reason()).isEqualTo(FinishReason.STOP);
		assertThat(stopped.finish(0).stop()).isEqualTo(stop);
		// a stop token ends the choice without being emitted; it still counts as
		// generated
		int fifth = full.tokens(0)[4];
		Collector eos = new Collector()
			.submit(engine,
					GenerationRequest.of(prompt, free.withStops(java.util.Set.of(fifth), java.util.List.of(), true)))
			.await();
		int firstHit = 0;
		while (full.tokens(0)[firstHit] != fifth) {
			firstHit++;
		}
		assertThat(eos.tokens(0)).containsExactly(Arrays.copyOf(full.tokens(0), firstHit));
		assertThat(eos.finish(0).completionTokens()).isEqualTo(firstHit + 1);
		assertThat(engine.metrics().usedBlocks()).isZero();
	}

	@Test
	void greedyLogprobsAreConsistentWithTheChosenTokens() {
		int[] prompt = model.tokenizer().orElseThrow().encode("Q: 1+1?\n", true, false);
		SamplingParams params = SamplingParams.greedy(10)
			.withStops(java.util.Set.of(), java.util.List.of(), true)
			.withLogprobs(true, 3);
		Collector c = new Collector().submit(engine, GenerationRequest.of(prompt, params)).await();
		int[] seq = prompt;
		for (GenerationEvent.Token t : c.tokenEvents(0)) {
			assertThat(t.logprobs().token()).isEqualTo(t.tokenId());
			assertThat(t.logprobs().topTokens()[0]).isEqualTo(t.tokenId());
			assertThat(t.logprobs().topLogprobs()[0]).isEqualTo(t.logprobs().logprob());
			float[] logits = Probe.lastLogits(model, seq);
			double expected = logits[t.tokenId()]
					- dev.quorum.engine.sample.TokenLogprobs.logSumExp(logits, 0, logits.length);
			assertThat((double) t.logprobs().logprob()).isCloseTo(expected,
					org.assertj.core.api.Assertions.within(1e-5));
			seq = Arrays.copyOf(seq, seq.length + 1);
			seq[seq.length - 1] = t.tokenId();
		}
	}

	@Test
	void requestsThatCannotRunAreRejectedAtSubmission() {
		SamplingParams p = SamplingParams.greedy(1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> engine.submit(GenerationRequest.of(new int[] { 259 }, p), (e) -> {
			}))
			.hasMessageContaining("outside the vocabulary");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> engine.submit(GenerationRequest.of(new int[600], p), (e) -> {
			}))
			.hasMessageContaining("context");
	}

}
