// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import dev.quorum.engine.TestModels;
import dev.quorum.engine.gguf.GgmlType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every type's products against a scalar dequantise-then-dot reference, and the batched
 * kernels against the single-token ones bit for bit.
 */
class FloatTensorTests {

	private static ComputePool pool;

	@BeforeAll
	static void start() {
		pool = new ComputePool(2);
	}

	@AfterAll
	static void stop() {
		pool.close();
	}

	@ParameterizedTest
	@EnumSource(value = GgmlType.class, names = { "F32", "F16", "BF16", "Q8_0", "Q4_0" })
	void productsMatchScalarDequantiseThenDot(GgmlType type) {
		int rows = 37; // not a multiple of the 4-row tiles
		int cols = (type == GgmlType.F32 || type == GgmlType.F16 || type == GgmlType.BF16) ? 83 : 96;
		FloatTensor w = tensor(type, rows, cols, 1);
		SplittableRandom rng = new SplittableRandom(2);
		for (int tokens : new int[] { 1, 2, 3, 4, 5, 9 }) {
			float[] x = TestModels.normal(tokens * cols, 1, rng);
			float[] out = new float[tokens * rows];
			new MatMul(pool).matmul(w, x, 0, tokens, out);
			for (int t = 0; t < tokens; t++) {
				for (int r = 0; r < rows; r++) {
					double expected = 0;
					double scale = 0;
					for (int i = 0; i < cols; i++) {
						double wi = w.get((long) r * cols + i);
						expected += wi * x[t * cols + i];
						scale += Math.abs(wi * x[t * cols + i]);
					}
					// float32 accumulation of `cols` terms: error well under 1e-5 of the
					// magnitude sum
					assertThat((double) out[t * rows + r]).as("%s T=%d row %d token %d", type, tokens, r, t)
						.isCloseTo(expected, within(1e-5 * scale + 1e-6));
				}
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = GgmlType.class, names = { "F32", "F16", "BF16", "Q8_0", "Q4_0" })
	void batchedResultsAreBitIdenticalToSingleToken(GgmlType type) {
		int rows = 70;
		int cols = 128;
		FloatTensor w = tensor(type, rows, cols, 3);
		MatMul mm = new MatMul(pool);
		// 4 and 6 take the fused few-token kernels, 11 the tiled one
		for (int tokens : new int[] { 4, 6, 11 }) {
			float[] x = TestModels.normal(tokens * cols, 1, new SplittableRandom(4));
			float[] batched = new float[tokens * rows];
			mm.matmul(w, x, 0, tokens, batched);
			for (int t = 0; t < tokens; t++) {
				float[] single = new float[rows];
				mm.matmul(w, x, t * cols, 1, single);
				for (int r = 0; r < rows; r++) {
					assertThat(batched[t * rows + r]).as("%d tokens, token %d row %d", tokens, t, r)
						.isEqualTo(single[r]);
				}
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = GgmlType.class, names = { "F32", "F16", "BF16", "Q8_0", "Q4_0" })
	void vectorDequantisationEqualsScalarGet(GgmlType type) {
		FloatTensor w = tensor(type, 3, 160, 5);
		float[] row = new float[160];
		for (int r = 0; r < 3; r++) {
			w.dequantizeRow(r, row, 0);
			for (int i = 0; i < 160; i++) {
				assertThat(row[i]).isEqualTo(w.get(r * 160L + i));
			}
		}
	}

	static FloatTensor tensor(GgmlType type, int rows, int cols, long seed) {
		float[] values = TestModels.normal(rows * cols, 0.5, new SplittableRandom(seed));
		return FloatTensor.of(type, MemorySegment.ofArray(Quantizer.encode(type, values)), rows, cols);
	}

}
