// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.jmh;

import java.util.concurrent.TimeUnit;

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
public class MatMulBenchmark extends KernelState {

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

	/** Builds the matrix and the activations. */
	@Setup(Level.Trial)
	public void setUp() {
		build(this.type, this.rows, this.tokens, this.threads);
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
