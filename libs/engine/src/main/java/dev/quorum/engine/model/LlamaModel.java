// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.MatMul;
import dev.quorum.engine.tensor.Ops;

/**
 * The Llama-family forward pass, batched over all tokens of a step, computed as llama.cpp
 * computes it: {@code x = embd[token]}; per layer {@code h = rmsnorm(x) * attn_norm},
 * {@code q, k, v = W h} (+ biases, + per-head QK-norm when the family has them), RoPE on
 * q and k, K and V stored in the paged cache, causal GQA attention, {@code x += W_o att},
 * {@code h = rmsnorm(x) * ffn_norm}, {@code x += W_down(silu(W_gate h) * W_up h)}; logits
 * = {@code W_out (rmsnorm(x) * output_norm)} for the tokens that need them only. On the
 * last layer, tokens that need no logits stop once their K and V are stored.
 * <p>
 * Not thread-safe: one engine thread calls {@link #forward}; the matrix products and
 * attention fan out to the compute pool.
 */
public final class LlamaModel {

	private final ModelConfig config;

	private final ModelWeights weights;

	private final MatMul matMul;

	private final Rope rope;

	private final Attention attention;

	private final Activations act;

	LlamaModel(ModelConfig config, ModelWeights weights, MatMul matMul) {
		this.config = config;
		this.weights = weights;
		this.matMul = matMul;
		this.rope = new Rope(config, weights.ropeFreqFactors());
		this.attention = new Attention(config);
		this.act = new Activations(config);
	}

	/**
	 * The hyper-parameters.
	 * @return the configuration
	 */
	public ModelConfig config() {
		return this.config;
	}

	/**
	 * The weights.
	 * @return the weights
	 */
	public ModelWeights weights() {
		return this.weights;
	}

	/**
	 * Runs one step.
	 * @param batch the step's tokens; their KV slots must be allocated
	 * @param cache the KV cache; this step's K and V are written to it
	 * @param logits receives (batch.logitCount(), vocab) logits, in logit-row order
	 */
	public void forward(ForwardBatch batch, KvCache cache, float[] logits) {
		ModelConfig c = this.config;
		int tokens = batch.tokens;
		if (tokens == 0) {
			return;
		}
		Activations a = this.act;
		a.ensure(tokens);
		int dim = c.dim();
		for (int t = 0; t < tokens; t++) {
			this.weights.tokenEmbedding().dequantizeRow(batch.tokenIds[t], a.x, t * dim);
		}
		int rows = tokens; // rows still flowing through the layers
		for (int l = 0; l < c.layers() && rows > 0; l++) {
			rows = layer(l, batch, cache, rows);
		}
		if (batch.logitCount == 0 || rows == 0) {
			return;
		}
		normRows(a.x, this.weights.outputNorm(), rows);
		this.matMul.matmul(this.weights.output(), a.h, 0, rows, logits);
	}

	/**
	 * One layer over the rows still flowing (a method of its own, so that the JIT
	 * compiles each stage on its own profile rather than one loop body of the whole
	 * pass).
	 * @return the rows that go on to the next layer
	 */
	private int layer(int l, ForwardBatch batch, KvCache cache, int rows) {
		ModelConfig c = this.config;
		Activations a = this.act;
		LayerWeights w = this.weights.layers().get(l);
		normRows(a.x, w.attnNorm(), rows);
		this.matMul.multi(a.h, 0, rows, new FloatTensor[] { w.wq(), w.wk(), w.wv() }, new float[][] { a.q, a.k, a.v });
		prepareQk(w, batch, rows);
		for (int t = 0; t < rows; t++) {
			cache.write(l, batch.slots[t], a.k, t * c.kvDim(), a.v, t * c.kvDim());
		}
		int[] map = null;
		if (l == c.layers() - 1 && batch.logitCount < rows) {
			// last layer: only tokens that need logits go on
			rows = batch.logitCount;
			map = batch.logitTokens;
			a.gather(map, rows);
		}
		if (rows == 0) {
			return 0;
		}
		this.attention.run(this.matMul.pool(), batch, map, rows, a.q, a.att, cache, l);
		this.matMul.matmul(w.wo(), a.att, 0, rows, a.tmp);
		Ops.add(a.x, 0, a.tmp, 0, rows * c.dim());
		normRows(a.x, w.ffnNorm(), rows);
		this.matMul.multi(a.h, 0, rows, new FloatTensor[] { w.gate(), w.up() }, new float[][] { a.g, a.u });
		for (int t = 0; t < rows; t++) {
			Ops.siluMul(a.g, a.u, t * c.ffnDim(), c.ffnDim());
		}
		this.matMul.matmul(w.down(), a.g, 0, rows, a.tmp);
		Ops.add(a.x, 0, a.tmp, 0, rows * c.dim());
		return rows;
	}

	/** {@code h = rmsnorm(x) * weight} for each of the first {@code rows} rows. */
	private void normRows(float[] x, float[] weight, int rows) {
		int dim = this.config.dim();
		for (int t = 0; t < rows; t++) {
			Ops.rmsNorm(this.act.h, t * dim, x, t * dim, weight, dim, this.config.rmsEps());
		}
	}

	/** Biases, QK-norm and RoPE on the step's queries and keys. */
	private void prepareQk(LayerWeights w, ForwardBatch batch, int rows) {
		ModelConfig c = this.config;
		Activations a = this.act;
		for (int t = 0; t < rows; t++) {
			int q0 = t * c.qDim();
			int k0 = t * c.kvDim();
			if (w.bq() != null) {
				Ops.add(a.q, q0, w.bq(), 0, c.qDim());
				Ops.add(a.k, k0, w.bk(), 0, c.kvDim());
				Ops.add(a.v, k0, w.bv(), 0, c.kvDim());
			}
			if (w.qNorm() != null) {
				for (int h = 0; h < c.heads(); h++) {
					int at = q0 + h * c.headDim();
					Ops.rmsNorm(a.q, at, a.q, at, w.qNorm(), c.headDim(), c.rmsEps());
				}
				for (int h = 0; h < c.kvHeads(); h++) {
					int at = k0 + h * c.headDim();
					Ops.rmsNorm(a.k, at, a.k, at, w.kNorm(), c.headDim(), c.rmsEps());
				}
			}
			this.rope.rotate(a.q, q0, c.heads(), batch.positions[t]);
			this.rope.rotate(a.k, k0, c.kvHeads(), batch.positions[t]);
		}
	}

}
