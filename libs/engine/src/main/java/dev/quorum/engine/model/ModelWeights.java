// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.util.List;

import dev.quorum.engine.tensor.FloatTensor;

/**
 * All weights of a Llama-family model.
 *
 * @param tokenEmbedding token embeddings, (vocab, dim)
 * @param layers the blocks
 * @param outputNorm final RMSNorm weights, (dim)
 * @param output output projection, (vocab, dim); the token embedding when tied
 * @param ropeFreqFactors per-pair RoPE frequency divisors (ropeDim / 2), or null
 */
public record ModelWeights(FloatTensor tokenEmbedding, List<LayerWeights> layers, float[] outputNorm,
		FloatTensor output, float[] ropeFreqFactors) {
}
