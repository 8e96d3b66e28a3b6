// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import dev.quorum.kv.hash.ChunkHasher;
import dev.quorum.kv.hash.KvNamespace;

/**
 * A quick, non-asserting throughput check of the codec and the chunk hasher on one thread
 * (not a test: speed belongs to benchmarks). Run after {@code test-compile}:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes \
 *     dev.quorum.kv.chunk.KvThroughput [seconds per case, default 2]
 * </pre>
 *
 * "KV MB/s" counts the F32 K and V floats moved ({@code 2 * layers * tokens * kvDim * 4}
 * bytes per chunk), so the dtypes compare on the same work; "blob MB/s" counts encoded
 * bytes.
 */
public final class KvThroughput {

	/** Keeps the JIT from dropping the measured work. */
	static volatile long sink;

	private KvThroughput() {
	}

	public static void main(String[] args) {
		double seconds = (args.length > 0) ? Double.parseDouble(args[0]) : 2;
		System.out.printf(Locale.ROOT, "%-26s %-4s %9s %11s %11s %11s %11s%n", "shape (32 tokens)", "type", "blob B",
				"enc KV MB/s", "dec KV MB/s", "enc blob", "dec blob");
		for (KvShape shape : new KvShape[] { new KvShape(6, 2, 64), new KvShape(12, 12, 64) }) {
			KvChunk chunk = TestChunks.random(shape, 32, 42);
			double kvBytes = 2.0 * shape.layers() * 32 * shape.kvDim() * 4;
			for (KvDtype dtype : KvDtype.values()) {
				KvChunkCodec codec = new KvChunkCodec(dtype);
				byte[] blob = codec.encode(chunk);
				double encode = perSecond(seconds, () -> codec.encode(chunk).length);
				double decode = perSecond(seconds, () -> codec.decode(blob, shape, chunk.tokens()).layers());
				System.out.printf(Locale.ROOT, "%-26s %-4s %9d %11.0f %11.0f %11.0f %11.0f%n",
						shape.layers() + "x" + shape.kvHeads() + "x" + shape.headDim(), dtype.wireName(), blob.length,
						encode * kvBytes / 1e6, decode * kvBytes / 1e6, encode * blob.length / 1e6,
						decode * blob.length / 1e6);
			}
		}
		String fingerprint = "0".repeat(64);
		ChunkHasher hasher = new ChunkHasher(KvNamespace.of(fingerprint, KvDtype.F16, 32));
		int[] prompt = IntStream.range(0, 4097).toArray();
		double hashes = perSecond(seconds, () -> hasher.chunks(prompt).size());
		System.out.printf(Locale.ROOT, "chunk hashing: %.1f ns/token (4096-token prompt, 32-token chunks)%n",
				1e9 / (hashes * 4096));
	}

	/** Calls per second of a task, after a warm-up as long as the measurement. */
	private static double perSecond(double seconds, IntSupplier task) {
		double rate = 0;
		for (int pass = 0; pass < 2; pass++) {
			long calls = 0;
			long start = System.nanoTime();
			long end = start + (long) (seconds * 1e9);
			long now;
			do {
				sink += task.getAsInt();
				calls++;
				now = System.nanoTime();
			}
			while (now < end);
			rate = calls / ((now - start) / 1e9);
		}
		return rate;
	}

}
