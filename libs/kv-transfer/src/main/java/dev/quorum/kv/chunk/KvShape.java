// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

/**
 * The per-token shape of a model's KV cache: every layer stores, per token,
 * {@code kvHeads
 * * headDim} floats of K and as many of V.
 *
 * @param layers number of transformer layers
 * @param kvHeads number of KV heads (fewer than attention heads under GQA)
 * @param headDim floats per head
 */
public record KvShape(int layers, int kvHeads, int headDim) {

	/**
	 * Largest accepted value of each dimension; keeps size arithmetic far from overflow.
	 */
	static final int MAX_DIM = 1 << 16;

	/** Largest accepted {@link #kvDim()}. */
	static final int MAX_KV_DIM = 1 << 20;

	/**
	 * Checks the dimensions.
	 * @throws IllegalArgumentException when a dimension is not in [1, 65536] or
	 * {@code kvHeads * headDim} exceeds 2^20
	 */
	public KvShape {
		check("layers", layers);
		check("kvHeads", kvHeads);
		check("headDim", headDim);
		if ((long) kvHeads * headDim > MAX_KV_DIM) {
			throw new IllegalArgumentException("kvHeads * headDim must be at most " + MAX_KV_DIM);
		}
	}

	private static void check(String name, int value) {
		if (value < 1 || value > MAX_DIM) {
			throw new IllegalArgumentException(name + " must be in [1, " + MAX_DIM + "], was " + value);
		}
	}

	/**
	 * Floats per token per layer for K (and for V).
	 * @return {@code kvHeads * headDim}
	 */
	public int kvDim() {
		return this.kvHeads * this.headDim;
	}

}
