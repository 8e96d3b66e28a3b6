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
public class DotBenchmark extends KernelState {

	/** Stored weight type. */
	@Param({ "F32", "Q8_0" })
	public String type;

	/** Rows (dot products per call). */
	@Param({ "768", "2048" })
	public int rows;

	/** Builds the matrix and the vector. */
	@Setup(Level.Trial)
	public void setUp() {
		build(this.type, this.rows, 1, 1);
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
