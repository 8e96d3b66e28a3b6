// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.kv;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;
import dev.quorum.bench.report.Table;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.store.KvStoreOptions;
import dev.quorum.kv.store.RedisKvChunkStore;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code kv}: what the KV hand-off costs through {@code libs/kv-transfer}: codec speed,
 * Redis write and read throughput of pipelined chunk batches, and the hand-off of a
 * prompt's chunks (prefill writes them, decode finds and reads them), for the shipped
 * tiny model's shape and the 12×768 anchor shape, in F32, F16 and Q8. Leaves nothing in
 * Redis.
 */
public final class KvCommand {

	/** Usage lines. */
	public static final String USAGE = """
			  kv --redis redis://host:port [--rounds 20] [--warmup 5] [--chunks 32] [--prompt-tokens 1024]
			     [--json out.json]
			      KV chunk codec speed, Redis write/read GB/s of pipelined batches, and the hand-off time of
			      a prompt's chunks, for shapes 6x2x64 (tiny-reasoner) and 12x12x64 (12x768), dtypes f32/f16/q8
			""";

	private static final Set<String> OPTIONS = Set.of("redis", "rounds", "warmup", "chunks", "prompt-tokens", "json");

	/** The shipped tiny models' shape and the 110M anchor's. */
	static final List<KvShape> SHAPES = List.of(new KvShape(6, 2, 64), new KvShape(12, 12, 64));

	private KvCommand() {
	}

	/**
	 * Runs the benchmark.
	 * @param argv the command's arguments
	 * @param out where the tables go
	 * @return the exit status
	 */
	public static int run(List<String> argv, PrintStream out) {
		Args args = Args.parse(argv, OPTIONS, Set.of());
		String url = args.require("redis");
		int rounds = Math.max(1, args.integer("rounds", 20));
		int warmup = Math.max(0, args.integer("warmup", 5));
		int chunks = Math.max(1, args.integer("chunks", 32));
		int promptTokens = args.integer("prompt-tokens", 1024);
		Machine start = Machine.now();
		out.println("machine: " + start.describe());
		LettuceConnectionFactory factory = Redis.connect(url);
		try {
			RedisKvChunkStore store = new RedisKvChunkStore(factory,
					KvStoreOptions.defaults().withTimeout(Duration.ofSeconds(60)), null);
			if (!Boolean.TRUE.equals(store.ping().block())) {
				throw new IllegalStateException("Redis at " + Redis.redacted(url) + " does not answer PING");
			}
			KvRuns runs = new KvRuns(store, rounds, warmup);
			List<KvReport.Codec> codec = new ArrayList<>();
			List<KvReport.Store> stores = new ArrayList<>();
			List<KvReport.Handoff> handoffs = new ArrayList<>();
			// the codec first: one untimed pass over every cell so that all code paths
			// are
			// compiled, then each cell after a collection (on two cores the concurrent
			// collector's threads would otherwise compete with the one measured thread)
			for (int pass = 0; pass < 2; pass++) {
				for (KvShape shape : SHAPES) {
					for (KvDtype dtype : KvDtype.values()) {
						System.gc();
						KvReport.Codec cell = runs.codec(shape, dtype, chunks);
						if (pass == 1) {
							codec.add(cell);
						}
					}
				}
			}
			for (KvShape shape : SHAPES) {
				for (KvDtype dtype : KvDtype.values()) {
					System.gc();
					stores.add(runs.store(shape, dtype, chunks));
					handoffs.add(runs.handoff(shape, dtype, promptTokens));
				}
			}
			KvReport report = new KvReport(start, Machine.now(), Redis.redacted(url), rounds, chunks, codec, stores,
					handoffs);
			print(report, out);
			if (args.has("json")) {
				JsonFiles.write(Path.of(args.require("json")), report);
				out.println("wrote " + args.require("json"));
			}
			return 0;
		}
		finally {
			factory.destroy();
		}
	}

	private static void print(KvReport r, PrintStream out) {
		Table codec = new Table("codec (1 thread)", "chunk bytes", "encode GB/s", "decode GB/s");
		r.codec()
			.forEach((c) -> codec.row(c.shape() + " " + c.dtype(), c.blobBytes(), c.encodeKvGBps(), c.decodeKvGBps()));
		codec.print(out);
		out.println("(GB/s of F32 key/value bytes, so dtypes compare on the same work)");
		out.println();
		Table store = new Table("Redis, " + r.chunksPerBatch() + " chunks per batch", "MB/batch", "write GB/s",
				"read GB/s", "write ms", "read ms");
		r.store()
			.forEach((s) -> store.row(s.shape() + " " + s.dtype(), s.batchMB(), s.writeGBps(), s.readGBps(),
					s.writeMs(), s.readMs()));
		store.print(out);
		out.println();
		Table handoff = new Table("hand-off", "prompt", "chunks", "write ms", "exists ms", "read ms", "decode side ms");
		r.handoff()
			.forEach((h) -> handoff.row(h.shape() + " " + h.dtype(), h.promptTokens(), h.chunks(), h.writeMs(),
					h.existsMs(), h.readMs(), h.handoffMs()));
		handoff.print(out);
		out.println(String.format(Locale.ROOT, "load average at the end: %.2f", r.machineAtEnd().loadAverage1m()));
	}

	/**
	 * A shape as text.
	 * @param shape the shape
	 * @return {@code layersxheadsxheadDim}
	 */
	static String name(KvShape shape) {
		return shape.layers() + "x" + shape.kvHeads() + "x" + shape.headDim();
	}

}
