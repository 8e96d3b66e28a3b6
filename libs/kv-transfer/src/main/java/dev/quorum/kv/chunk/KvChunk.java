// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

/**
 * The KV of {@code tokens.length} consecutive prompt tokens, as the engine exports and
 * imports it: per layer one K and one V matrix of shape (nTokens, kvHeads * headDim),
 * row-major. The arrays are shared, not copied: neither side may change them after
 * handing them over. {@code equals} compares array identity, as for any record of arrays.
 *
 * @param tokens the chunk's token ids, (nTokens)
 * @param layers number of layers
 * @param kvHeads number of KV heads
 * @param headDim floats per head
 * @param k keys, (layers)(nTokens * kvHeads * headDim)
 * @param v values, (layers)(nTokens * kvHeads * headDim)
 */
public record KvChunk(int[] tokens, int layers, int kvHeads, int headDim, float[][] k, float[][] v) {

	/**
	 * Checks that the arrays have the declared shape.
	 * @throws IllegalArgumentException when they do not, or there are no tokens
	 */
	public KvChunk {
		KvShape shape = new KvShape(layers, kvHeads, headDim);
		if (tokens.length == 0) {
			throw new IllegalArgumentException("A KV chunk needs at least one token");
		}
		long floats = (long) tokens.length * shape.kvDim();
		if (floats > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("A KV chunk of " + tokens.length + " tokens is too large");
		}
		checkLayers("k", k, layers, (int) floats);
		checkLayers("v", v, layers, (int) floats);
	}

	/**
	 * A chunk of the given shape.
	 * @param tokens the chunk's token ids
	 * @param shape the model's KV shape
	 * @param k keys, (layers)(nTokens * kvDim)
	 * @param v values, (layers)(nTokens * kvDim)
	 * @return the chunk
	 */
	public static KvChunk of(int[] tokens, KvShape shape, float[][] k, float[][] v) {
		return new KvChunk(tokens, shape.layers(), shape.kvHeads(), shape.headDim(), k, v);
	}

	private static void checkLayers(String name, float[][] matrices, int layers, int floats) {
		if (matrices.length != layers) {
			throw new IllegalArgumentException(name + " has " + matrices.length + " layers, expected " + layers);
		}
		for (int l = 0; l < layers; l++) {
			if (matrices[l].length != floats) {
				throw new IllegalArgumentException(
						name + "[" + l + "] has " + matrices[l].length + " floats, expected " + floats);
			}
		}
	}

	/**
	 * The chunk's shape.
	 * @return layers, KV heads and head size
	 */
	public KvShape shape() {
		return new KvShape(this.layers, this.kvHeads, this.headDim);
	}

	/**
	 * Number of tokens.
	 * @return {@code tokens.length}
	 */
	public int tokenCount() {
		return this.tokens.length;
	}

	@Override
	public String toString() {
		return "KvChunk[nTokens=" + this.tokens.length + ", layers=" + this.layers + ", kvHeads=" + this.kvHeads
				+ ", headDim=" + this.headDim + "]";
	}

}
