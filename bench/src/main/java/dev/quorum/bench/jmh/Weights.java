// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.Quantizer;

/**
 * Random weight matrices stored as a GGUF file stores them, off-heap (as a memory-mapped
 * model is), and random activations.
 */
final class Weights {

	private Weights() {
	}

	/**
	 * A (rows, cols) matrix of N(0, 1/cols) values in the given type.
	 * @param type F32, F16, BF16, Q8_0 or Q4_0
	 * @param rows output rows
	 * @param cols input width
	 * @param arena where the bytes live
	 * @param seed random seed
	 * @return the tensor
	 */
	static FloatTensor matrix(GgmlType type, int rows, int cols, Arena arena, long seed) {
		float[] values = activations(rows * cols, seed);
		float scale = (float) (1 / Math.sqrt(cols));
		for (int i = 0; i < values.length; i++) {
			values[i] *= scale;
		}
		byte[] bytes = Quantizer.encode(type, values);
		MemorySegment segment = arena.allocate(bytes.length, 64);
		segment.copyFrom(MemorySegment.ofArray(bytes));
		return FloatTensor.of(type, segment, rows, cols);
	}

	/**
	 * N(0, 1) values.
	 * @param n how many
	 * @param seed random seed
	 * @return the values
	 */
	static float[] activations(int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		float[] x = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (float) gaussian(random);
		}
		return x;
	}

	private static double gaussian(SplittableRandom random) {
		// Box-Muller; one value per call is enough here
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

}
