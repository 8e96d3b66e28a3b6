// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.quorum.engine.TestModels;
import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.MatMul;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The family variants are flags of one forward pass: NEOX RoPE with QKV biases (qwen2)
 * and per-head QK-norm (qwen3), checked against the naive reference. (The loader accepts
 * only {@code llama} until transformers fixtures for those families exist.)
 */
class FamilyFlagsTests {

	@TempDir
	Path dir;

	private static final int[] TOKENS = { 256, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };

	@Test
	void neoxRopeWithBiasesAndQkNormMatchTheReference() {
		Path file = TestModels.write(this.dir.resolve("m.gguf"), TestModels.Spec.small());
		try (GgufFile gguf = GgufFile.open(file); ComputePool pool = new ComputePool(2)) {
			LlamaModel base = ModelLoader.load(gguf, new MatMul(pool));
			ModelConfig c = base.config();
			SplittableRandom rng = new SplittableRandom(11);
			List<LayerWeights> layers = new ArrayList<>();
			for (LayerWeights l : base.weights().layers()) {
				layers.add(new LayerWeights(l.attnNorm(), l.wq(), l.wk(), l.wv(), l.wo(),
						TestModels.normal(c.qDim(), 0.3, rng), TestModels.normal(c.kvDim(), 0.3, rng),
						TestModels.normal(c.kvDim(), 0.3, rng), plusOne(TestModels.normal(c.headDim(), 0.2, rng)),
						plusOne(TestModels.normal(c.headDim(), 0.2, rng)), l.ffnNorm(), l.gate(), l.up(), l.down()));
			}
			ModelWeights w = new ModelWeights(base.weights().tokenEmbedding(), layers, base.weights().outputNorm(),
					base.weights().output(), null);
			ModelConfig qwen = new ModelConfig("qwen3-like", c.dim(), c.ffnDim(), c.layers(), c.heads(), c.kvHeads(),
					c.headDim(), c.vocabSize(), c.contextLength(), c.rmsEps(), 1e6f, c.ropeDim(), RopeType.NEOX, true,
					true, false);
			LlamaModel model = new LlamaModel(qwen, w, new MatMul(pool));
			float[][] expected = new ReferenceForward(model).logits(TOKENS);
			float[] logits = LlamaModelTests.run(model, TOKENS, new int[] { 4, 7 });
			float[] plain = LlamaModelTests.run(base, TOKENS, new int[] { TOKENS.length });
			int v = c.vocabSize();
			for (int t = 0; t < TOKENS.length; t++) {
				for (int i = 0; i < v; i++) {
					assertThat(logits[t * v + i]).isCloseTo(expected[t][i], within(1e-4f));
				}
			}
			assertThat(logits[5 * v + 3]).as("the flags change the result").isNotEqualTo(plain[5 * v + 3]);
		}
	}

	private static float[] plusOne(float[] v) {
		for (int i = 0; i < v.length; i++) {
			v[i] += 1f;
		}
		return v;
	}

}
