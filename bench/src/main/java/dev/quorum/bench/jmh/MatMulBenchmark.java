// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.jmh;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.MatMul;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batched matrix products as a forward step runs them: {@code tokens} tokens against a
 * (rows, 768) matrix of the 110M anchor model (768 for attention, 2048 for the
 * feed-forward), on the engine's compute pool. Time per call; FLOPs per call are
 * {@code 2 * tokens * rows * 768}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED" })
public class MatMulBenchmark {

	/** Stored weight type. */
	@Param({ "F32", "Q8_0" })
	public String type;

	/** Output rows. */
	@Param({ "768", "2048" })
	public int rows;

	/**
	 * Tokens in the step (1 is single-stream decode, 16 a decode batch, 128 a prompt).
	 */
	@Param({ "1", "16", "128" })
	public int tokens;

	/** Compute threads including the caller. */
	@Param({ "2" })
	public int threads;

	private Arena arena;

	private ComputePool pool;

	private MatMul matmul;

	private FloatTensor w;

	private float[] x;

	private float[] out;

	/** Builds the matrix and the activations. */
	@Setup(Level.Trial)
	public void setUp() {
		this.arena = Arena.ofShared();
		this.pool = new ComputePool(this.threads);
		this.matmul = new MatMul(this.pool);
		this.w = Weights.matrix(GgmlType.valueOf(this.type), this.rows, 768, this.arena, 1);
		this.x = Weights.activations(this.tokens * 768, 2);
		this.out = new float[this.tokens * this.rows];
	}

	/** Stops the pool and frees the matrix. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.close();
		this.arena.close();
	}

	/**
	 * All tokens against all rows.
	 * @param bh keeps the result alive
	 */
	@Benchmark
	public void matmul(Blackhole bh) {
		this.matmul.matmul(this.w, this.x, 0, this.tokens, this.out);
		bh.consume(this.out);
	}

}
