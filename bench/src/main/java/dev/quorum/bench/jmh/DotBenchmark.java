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
 * Row-by-vector dot products on one thread: one token against every row of a (rows, 768)
 * matrix, the single-stream decode kernel without the thread pool. Time per call; divide
 * by rows for one dot product of 768 elements.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED" })
public class DotBenchmark {

	/** Stored weight type. */
	@Param({ "F32", "Q8_0" })
	public String type;

	/** Rows (dot products per call). */
	@Param({ "768", "2048" })
	public int rows;

	private Arena arena;

	private ComputePool pool;

	private MatMul matmul;

	private FloatTensor w;

	private float[] x;

	private float[] out;

	/** Builds the matrix and the vector. */
	@Setup(Level.Trial)
	public void setUp() {
		this.arena = Arena.ofShared();
		this.pool = new ComputePool(1);
		this.matmul = new MatMul(this.pool);
		this.w = Weights.matrix(GgmlType.valueOf(this.type), this.rows, 768, this.arena, 1);
		this.x = Weights.activations(768, 2);
		this.out = new float[this.rows];
	}

	/** Frees the matrix. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.pool.close();
		this.arena.close();
	}

	/**
	 * One token against every row.
	 * @param bh keeps the result alive
	 */
	@Benchmark
	public void dotRows(Blackhole bh) {
		this.matmul.matmul(this.w, this.x, 0, 1, this.out);
		bh.consume(this.out);
	}

}
