// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.nio.file.Path;
import java.util.Arrays;

import dev.quorum.engine.TestModels;
import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.MatMul;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched, paged forward pass against a naive reference, and its invariance to how
 * tokens are grouped into steps.
 */
class LlamaModelTests {

	private static final int BLOCK = 4;

	private static ComputePool pool;

	@TempDir
	static Path dir;

	@BeforeAll
	static void startPool() {
		pool = new ComputePool(2);
	}

	@AfterAll
	static void stopPool() {
		pool.close();
	}

	private static final int[] TOKENS = { 256, 72, 101, 108, 108, 111, 44, 32, 119, 111, 114, 108, 100, 33, 10, 81, 58,
			32, 50, 43, 50 };

	@ParameterizedTest
	@EnumSource(value = GgmlType.class, names = { "F32", "F16", "BF16", "Q8_0", "Q4_0" })
	void matchesNaiveReferenceOnTheSameDequantisedWeights(GgmlType type) {
		// The reference reads the same dequantised weights, so only the order of float
		// additions differs: F32 accumulation over <= 96 terms of size ~1 stays within
		// 1e-4.
		Path file = TestModels.write(dir.resolve(type + ".gguf"), TestModels.Spec.small().withType(type));
		try (GgufFile gguf = GgufFile.open(file)) {
			LlamaModel model = ModelLoader.load(gguf, new MatMul(pool));
			float[][] expected = new ReferenceForward(model).logits(TOKENS);
			float[] logits = run(model, TOKENS, new int[] { TOKENS.length });
			for (int t = 0; t < TOKENS.length; t++) {
				float[] row = Arrays.copyOfRange(logits, t * TestModels.VOCAB, (t + 1) * TestModels.VOCAB);
				for (int i = 0; i < row.length; i++) {
					assertThat(row[i]).as("token %d logit %d", t, i)
						.isCloseTo(expected[t][i], org.assertj.core.data.Offset.offset(1e-4f));
				}
			}
		}
	}

	@Test
	void tiedOutputReusesTheEmbedding() {
		Path file = TestModels.write(dir.resolve("tied.gguf"), TestModels.Spec.small().withTied(true));
		try (GgufFile gguf = GgufFile.open(file)) {
			LlamaModel model = ModelLoader.load(gguf, new MatMul(pool));
			assertThat(model.config().tiedOutput()).isTrue();
			assertThat(model.weights().output()).isSameAs(model.weights().tokenEmbedding());
			float[][] expected = new ReferenceForward(model).logits(TOKENS);
			float[] logits = run(model, TOKENS, new int[] { TOKENS.length });
			int last = TOKENS.length - 1;
			for (int i = 0; i < TestModels.VOCAB; i++) {
				assertThat(logits[last * TestModels.VOCAB + i]).isCloseTo(expected[last][i],
						org.assertj.core.data.Offset.offset(1e-4f));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = GgmlType.class, names = { "F32", "Q8_0" })
	void chunkingAndBatchingDoNotChangeAnyBit(GgmlType type) {
		Path file = TestModels.write(dir.resolve("chunks-" + type + ".gguf"), TestModels.Spec.small().withType(type));
		try (GgufFile gguf = GgufFile.open(file)) {
			LlamaModel model = ModelLoader.load(gguf, new MatMul(pool));
			float[] whole = run(model, TOKENS, new int[] { TOKENS.length });
			float[] chunked = run(model, TOKENS, new int[] { 5, 1, 7, 3, 1, 4 });
			float[] single = run(model, TOKENS, ones(TOKENS.length));
			assertThat(chunked).containsExactly(whole);
			assertThat(single).containsExactly(whole);
		}
	}

	@Test
	void sequencesInOneStepDoNotInfluenceEachOther() {
		Path file = TestModels.write(dir.resolve("batch.gguf"), TestModels.Spec.small());
		try (GgufFile gguf = GgufFile.open(file)) {
			LlamaModel model = ModelLoader.load(gguf, new MatMul(pool));
			int[] other = { 256, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
			float[] alone = run(model, TOKENS, new int[] { TOKENS.length });
			// both sequences in the same steps, in separate blocks
			int blocksA = (TOKENS.length + BLOCK - 1) / BLOCK;
			int[] tableA = range(0, blocksA);
			int[] tableB = range(blocksA, blocksA + 3);
			KvCache cache = new KvCache(model.config().layers(), model.config().kvDim(), BLOCK, blocksA + 3);
			ForwardBatch batch = new ForwardBatch(BLOCK);
			float[] logits = new float[(TOKENS.length + other.length) * TestModels.VOCAB];
			batch.add(tableB, other, 0, other.length, 0);
			batch.add(tableA, TOKENS, 0, TOKENS.length, 0);
			model.forward(batch, cache, logits);
			float[] together = Arrays.copyOfRange(logits, other.length * TestModels.VOCAB, logits.length);
			assertThat(together).containsExactly(alone);
			cache.close();
		}
	}

	/**
	 * Runs the tokens through steps of the given sizes, returning all logits (T, vocab).
	 */
	static float[] run(LlamaModel model, int[] tokens, int[] steps) {
		int blocks = (tokens.length + BLOCK - 1) / BLOCK;
		int[] table = new int[blocks];
		for (int b = 0; b < blocks; b++) {
			table[b] = blocks - 1 - b; // not in order, to exercise the block table
		}
		int vocab = model.config().vocabSize();
		float[] all = new float[tokens.length * vocab];
		try (KvCache cache = new KvCache(model.config().layers(), model.config().kvDim(), BLOCK, blocks)) {
			ForwardBatch batch = new ForwardBatch(BLOCK);
			int from = 0;
			for (int n : steps) {
				batch.clear();
				batch.add(table, tokens, from, from + n, from);
				float[] logits = new float[n * vocab];
				model.forward(batch, cache, logits);
				System.arraycopy(logits, 0, all, from * vocab, n * vocab);
				from += n;
			}
		}
		return all;
	}

	private static int[] ones(int n) {
		int[] a = new int[n];
		Arrays.fill(a, 1);
		return a;
	}

	private static int[] range(int from, int to) {
		int[] a = new int[to - from];
		for (int i = 0; i < a.length; i++) {
			a[i] = from + i;
		}
		return a;
	}

}
