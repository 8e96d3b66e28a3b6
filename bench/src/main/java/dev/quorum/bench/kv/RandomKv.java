// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.kv;

import java.util.SplittableRandom;

import dev.quorum.kv.chunk.KvChunk;
import dev.quorum.kv.chunk.KvShape;

/**
 * KV chunks of random values with the magnitudes of real keys and values (Gaussian, unit
 * scale), and random prompts.
 */
final class RandomKv {

	private RandomKv() {
	}

	/**
	 * A chunk for the given tokens.
	 * @param shape layers, KV heads, head size
	 * @param tokens the chunk's token ids
	 * @param seed random seed
	 * @return the chunk; {@code k[layer]} and {@code v[layer]} are (tokens, kvDim)
	 */
	static KvChunk chunk(KvShape shape, int[] tokens, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int floats = tokens.length * shape.kvDim();
		float[][] k = new float[shape.layers()][floats];
		float[][] v = new float[shape.layers()][floats];
		for (int l = 0; l < shape.layers(); l++) {
			fill(k[l], random);
			fill(v[l], random);
		}
		return KvChunk.of(tokens, shape, k, v);
	}

	/**
	 * Random token ids.
	 * @param n how many
	 * @param vocab ids are below this
	 * @param seed random seed
	 * @return the prompt
	 */
	static int[] prompt(int n, int vocab, long seed) {
		return new SplittableRandom(seed).ints(n, 0, vocab).toArray();
	}

	private static void fill(float[] values, SplittableRandom random) {
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) (Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
					* Math.cos(2 * Math.PI * random.nextDouble()));
		}
	}

}
