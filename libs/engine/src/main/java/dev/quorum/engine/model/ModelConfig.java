// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

/**
 * Hyper-parameters of a decoder-only transformer of the Llama family. Family variants are
 * flags, not copies: {@code ropeType} (NORM for llama, NEOX for qwen2/qwen3),
 * {@code qkvBias} (qwen2), {@code qkNorm} (qwen3).
 *
 * @param architecture {@code general.architecture}
 * @param dim embedding width
 * @param ffnDim feed-forward width
 * @param layers number of blocks
 * @param heads query heads
 * @param kvHeads key/value heads (GQA when fewer than {@code heads})
 * @param headDim width of one head
 * @param vocabSize vocabulary size (rows of the output matrix)
 * @param contextLength longest sequence the model was trained for
 * @param rmsEps RMSNorm epsilon
 * @param ropeTheta RoPE frequency base
 * @param ropeDim rotated dimensions per head (from the start of the head)
 * @param ropeType pairing of rotated dimensions
 * @param qkvBias whether Q, K and V have biases
 * @param qkNorm whether Q and K are RMS-normalised per head before RoPE
 * @param tiedOutput whether the output matrix is the token embedding
 */
public record ModelConfig(String architecture, int dim, int ffnDim, int layers, int heads, int kvHeads, int headDim,
		int vocabSize, int contextLength, float rmsEps, float ropeTheta, int ropeDim, RopeType ropeType,
		boolean qkvBias, boolean qkNorm, boolean tiedOutput) {

	/**
	 * Width of all query heads.
	 * @return heads * headDim
	 */
	public int qDim() {
		return this.heads * this.headDim;
	}

	/**
	 * Width of all key (or value) heads: floats per token per layer in the KV cache.
	 * @return kvHeads * headDim
	 */
	public int kvDim() {
		return this.kvHeads * this.headDim;
	}

}
