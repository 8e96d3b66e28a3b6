// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import dev.quorum.engine.tensor.FloatTensor;

/**
 * Weights of one transformer block. Matrices stay in their stored type; norm vectors and
 * biases (a few KB) are dequantised to arrays at load.
 *
 * @param attnNorm attention RMSNorm weights, (dim)
 * @param wq query projection, (qDim, dim)
 * @param wk key projection, (kvDim, dim)
 * @param wv value projection, (kvDim, dim)
 * @param wo output projection, (dim, qDim)
 * @param bq query bias (qDim), or null
 * @param bk key bias (kvDim), or null
 * @param bv value bias (kvDim), or null
 * @param qNorm per-head query RMSNorm weights (headDim), or null
 * @param kNorm per-head key RMSNorm weights (headDim), or null
 * @param ffnNorm feed-forward RMSNorm weights, (dim)
 * @param gate SwiGLU gate, (ffnDim, dim)
 * @param up SwiGLU up, (ffnDim, dim)
 * @param down SwiGLU down, (dim, ffnDim)
 */
public record LayerWeights(float[] attnNorm, FloatTensor wq, FloatTensor wk, FloatTensor wv, FloatTensor wo, float[] bq,
		float[] bk, float[] bv, float[] qNorm, float[] kNorm, float[] ffnNorm, FloatTensor gate, FloatTensor up,
		FloatTensor down) {
}
