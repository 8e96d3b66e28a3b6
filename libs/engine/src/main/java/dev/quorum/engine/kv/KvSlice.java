// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.util.Arrays;
import java.util.List;

/**
 * Keys and values of a run of tokens as plain arrays, for hand-off between engines
 * (prefill-service exports, decode-service imports). The run starts at token
 * {@code start} of its sequence and covers whole KV blocks.
 *
 * @param start position of the first token in its sequence
 * @param tokens the token ids of the run
 * @param kvDim floats per token per layer ({@code nKvHeads * headDim})
 * @param keys per layer, (tokens.length, kvDim) row-major
 * @param values per layer, (tokens.length, kvDim) row-major
 */
public record KvSlice(int start, int[] tokens, int kvDim, float[][] keys, float[][] values) {

	/**
	 * Checks the shapes.
	 * @param start position of the first token
	 * @param tokens the token ids
	 * @param kvDim floats per token per layer
	 * @param keys per layer keys
	 * @param values per layer values
	 */
	public KvSlice {
		if (keys.length != values.length) {
			throw new IllegalArgumentException("keys and values must have the same number of layers");
		}
		for (int l = 0; l < keys.length; l++) {
			if (keys[l].length != tokens.length * kvDim || values[l].length != tokens.length * kvDim) {
				throw new IllegalArgumentException("layer " + l + " must hold " + tokens.length + " x " + kvDim
						+ " floats for keys and for values");
			}
		}
	}

	/**
	 * Number of layers.
	 * @return layers
	 */
	public int layers() {
		return this.keys.length;
	}

	/**
	 * Number of tokens.
	 * @return tokens in the run
	 */
	public int length() {
		return this.tokens.length;
	}

	/**
	 * A copy of part of the run.
	 * @param from first token, relative to this run
	 * @param to end token (exclusive), relative to this run
	 * @return the sub-run, starting at {@code start() + from}
	 */
	public KvSlice slice(int from, int to) {
		float[][] k = new float[layers()][];
		float[][] v = new float[layers()][];
		for (int l = 0; l < layers(); l++) {
			k[l] = Arrays.copyOfRange(this.keys[l], from * this.kvDim, to * this.kvDim);
			v[l] = Arrays.copyOfRange(this.values[l], from * this.kvDim, to * this.kvDim);
		}
		return new KvSlice(this.start + from, Arrays.copyOfRange(this.tokens, from, to), this.kvDim, k, v);
	}

	/**
	 * Joins consecutive runs (for example chunks read one by one from a store).
	 * @param parts runs, each starting where the previous one ends
	 * @return one run
	 */
	public static KvSlice concat(List<KvSlice> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("nothing to join");
		}
		KvSlice first = parts.get(0);
		int total = 0;
		for (KvSlice part : parts) {
			if (part.start() != first.start() + total || part.kvDim() != first.kvDim()
					|| part.layers() != first.layers()) {
				throw new IllegalArgumentException("runs must be consecutive and of the same shape");
			}
			total += part.length();
		}
		int[] tokens = new int[total];
		float[][] k = new float[first.layers()][total * first.kvDim()];
		float[][] v = new float[first.layers()][total * first.kvDim()];
		int at = 0;
		for (KvSlice part : parts) {
			System.arraycopy(part.tokens(), 0, tokens, at, part.length());
			for (int l = 0; l < first.layers(); l++) {
				System.arraycopy(part.keys()[l], 0, k[l], at * first.kvDim(), part.keys()[l].length);
				System.arraycopy(part.values()[l], 0, v[l], at * first.kvDim(), part.values()[l].length);
			}
			at += part.length();
		}
		return new KvSlice(first.start(), tokens, first.kvDim(), k, v);
	}

}
