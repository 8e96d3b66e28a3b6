// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.jmh;

import java.lang.foreign.Arena;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.MatMul;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the kernel benchmarks share: a (rows, 768) weight matrix off-heap, activations for
 * some tokens, the output, and the engine's compute pool.
 */
public abstract class KernelState {

	/** Input width: the 110M anchor model's. */
	static final int COLS = 768;

	private Arena arena;

	private ComputePool pool;

	/** The operator under test. */
	MatMul matmul;

	/** The weights, (rows, COLS). */
	FloatTensor w;

	/** The activations, (tokens, COLS). */
	float[] x;

	/** The products, (tokens, rows). */
	float[] out;

	/**
	 * Builds the state.
	 * @param type the stored weight type's name
	 * @param rows output rows
	 * @param tokens tokens per call
	 * @param threads compute threads including the caller
	 */
	void build(String type, int rows, int tokens, int threads) {
		this.arena = Arena.ofShared();
		this.pool = new ComputePool(threads);
		this.matmul = new MatMul(this.pool);
		this.w = Weights.matrix(GgmlType.valueOf(type), rows, COLS, this.arena, 1);
		this.x = Weights.activations(tokens * COLS, 2);
		this.out = new float[tokens * rows];
	}

	/** Stops the pool and frees the matrix. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.close();
		this.arena.close();
	}

}
