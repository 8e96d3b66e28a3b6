// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded random chunks whose values span many magnitudes, like real K and V.
 */
public final class TestChunks {

	private TestChunks() {
	}

	/**
	 * A chunk of random values: Gaussian times 10^u, u uniform in [-4, 2).
	 * @param shape the KV shape
	 * @param tokens number of tokens; ids are {@code 1000 + i}
	 * @param seed the seed
	 * @return the chunk
	 */
	public static KvChunk random(KvShape shape, int tokens, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int floats = tokens * shape.kvDim();
		float[][] k = new float[shape.layers()][floats];
		float[][] v = new float[shape.layers()][floats];
		for (int l = 0; l < shape.layers(); l++) {
			fill(k[l], random);
			fill(v[l], random);
		}
		return KvChunk.of(IntStream.range(1000, 1000 + tokens).toArray(), shape, k, v);
	}

	private static void fill(float[] values, SplittableRandom random) {
		for (int i = 0; i < values.length; i++) {
			double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
					* Math.cos(2 * Math.PI * random.nextDouble());
			values[i] = (float) (gaussian * Math.pow(10, random.nextDouble(-4, 2)));
		}
	}

}
