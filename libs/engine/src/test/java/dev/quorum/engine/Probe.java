// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.model.ForwardBatch;
import dev.quorum.engine.model.LlamaModel;
import dev.quorum.engine.model.ModelLoader;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.MatMul;

/**
 * Runs a model outside the engine: one sequence, one step, fresh cache.
 */
public final class Probe {

	private Probe() {
	}

	/**
	 * Logits of every position of a sequence computed in one step.
	 * @param model the model
	 * @param tokens the sequence
	 * @return (tokens, vocab) logits
	 */
	public static float[] allLogits(LoadedModel model, int[] tokens) {
		try (ComputePool pool = new ComputePool(1)) {
			LlamaModel llama = ModelLoader.load(model.gguf(), new MatMul(pool));
			int blockSize = 16;
			int blocks = (tokens.length + blockSize - 1) / blockSize;
			int[] table = new int[blocks];
			for (int b = 0; b < blocks; b++) {
				table[b] = b;
			}
			try (KvCache cache = new KvCache(llama.config().layers(), llama.config().kvDim(), blockSize, blocks)) {
				ForwardBatch batch = new ForwardBatch(blockSize);
				batch.add(table, tokens, 0, tokens.length, 0);
				float[] logits = new float[tokens.length * llama.config().vocabSize()];
				llama.forward(batch, cache, logits);
				return logits;
			}
		}
	}

	/**
	 * Logits of the last position.
	 * @param model the model
	 * @param tokens the sequence
	 * @return (vocab) logits
	 */
	public static float[] lastLogits(LoadedModel model, int[] tokens) {
		float[] all = allLogits(model, tokens);
		int vocab = all.length / tokens.length;
		return java.util.Arrays.copyOfRange(all, (tokens.length - 1) * vocab, all.length);
	}

}
