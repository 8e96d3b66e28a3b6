// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;
import dev.quorum.bench.report.Table;
import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufTensorInfo;
import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.model.ModelConfig;

/**
 * {@code engine}: prompt processing at 128 and 512 tokens, single-stream and aggregate
 * generation at several batch sizes, and peak memory of one GGUF model on the engine's
 * public API, each figure the median of repeated runs after warm-up; compared with the
 * llama.cpp anchor of issue 3 when the model has an anchor's shape.
 */
public final class EngineCommand {

	/** Usage lines. */
	public static final String USAGE = """
			  engine --model FILE.gguf [--threads N] [--repeats R] [--warmup W] [--batches 1,4,16,32]
			         [--gen-tokens 128] [--anchor 110m-q8_0|110m-f32|15m-q8_0] [--json out.json]
			      prompt tokens/s (128, 512), generation tokens/s (single stream and aggregate per batch),
			      peak memory; median of R runs (default 5) after W warm-up rounds (default 2)
			""";

	private static final Set<String> OPTIONS = Set.of("model", "threads", "repeats", "warmup", "batches", "gen-tokens",
			"anchor", "json", "seed");

	private EngineCommand() {
	}

	/**
	 * Runs the benchmark.
	 * @param argv the command's arguments
	 * @param out where the table goes
	 * @return the exit status
	 */
	public static int run(List<String> argv, PrintStream out) {
		Args args = Args.parse(argv, OPTIONS, Set.of());
		Path file = Path.of(args.require("model"));
		int threads = args.integer("threads", Runtime.getRuntime().availableProcessors());
		int repeats = Math.max(1, args.integer("repeats", 5));
		int warmup = Math.max(0, args.integer("warmup", 2));
		int genTokens = args.integer("gen-tokens", 128);
		List<Integer> batches = args.integers("batches", List.of(1, 4, 16, 32));
		Machine start = Machine.now();
		out.println("machine: " + start.describe());
		try (LoadedModel model = LoadedModel.load(file)) {
			ModelConfig c = model.config();
			GgmlType type = mainType(model);
			long params = model.gguf().tensors().stream().mapToLong(GgufTensorInfo::elementCount).sum();
			int maxBatch = batches.stream().mapToInt(Integer::intValue).max().orElse(1);
			long kvBytes = kvBytes(c, maxBatch, genTokens);
			EngineConfig config = EngineConfig.defaults()
				.withThreads(threads)
				.withKvCacheBytes(kvBytes)
				.withPrefixCaching(false)
				.withMaxBatchTokens(512)
				.withMaxSequences(Math.max(64, maxBatch));
			out.printf("model: %s (%s, %,d parameters, %d layers, width %d), %d threads%n", model.name(), type, params,
					c.layers(), c.dim(), threads);
			try (Engine engine = Engine.start(model, config)) {
				EngineRuns runs = new EngineRuns(engine, args.integer("seed", 1));
				for (int w = 0; w < warmup; w++) {
					runs.promptTokensPerSecond(128);
					runs.promptTokensPerSecond(512);
					// one stream as well: a single token takes its own kernels, which the
					// batch of 4 never runs, so the first measured single-stream runs
					// would otherwise include their compilation
					runs.generationTokensPerSecond(1, genTokens);
					runs.generationTokensPerSecond(Math.min(4, maxBatch), Math.min(genTokens, 32));
				}
				MemoryProbe.resetPeaks();
				EngineReport.Measure pp128 = EngineReport.Measure
					.of(repeat(repeats, () -> runs.promptTokensPerSecond(128)));
				EngineReport.Measure pp512 = EngineReport.Measure
					.of(repeat(repeats, () -> runs.promptTokensPerSecond(512)));
				Map<String, EngineReport.Measure> aggregate = new LinkedHashMap<>();
				for (int b : batches) {
					aggregate.put(Integer.toString(b), EngineReport.Measure
						.of(repeat(repeats, () -> runs.generationTokensPerSecond(b, genTokens))));
				}
				EngineReport.Memory memory = new EngineReport.Memory(MemoryProbe.peakRssMiB(), MemoryProbe.rssMiB(),
						MemoryProbe.heapPeakMiB(), kvBytes / 1048576.0, model.gguf().byteSize() / 1048576.0);
				Anchor anchor = args.has("anchor")
						? Anchor.named(args.require("anchor"))
							.orElseThrow(() -> new Args.UsageException("unknown anchor " + args.require("anchor")))
						: Anchor.of(c, type).orElse(null);
				EngineReport report = new EngineReport(start, Machine.now(), model.name(), file.toString(), type.name(),
						params, threads, repeats, genTokens, pp128, pp512, aggregate, memory,
						compare(anchor, pp128, aggregate));
				print(report, out);
				if (args.has("json")) {
					JsonFiles.write(Path.of(args.require("json")), report);
					out.println("wrote " + args.require("json"));
				}
				return 0;
			}
		}
	}

	private static EngineReport.Comparison compare(Anchor anchor, EngineReport.Measure pp128,
			Map<String, EngineReport.Measure> aggregate) {
		if (anchor == null) {
			return null;
		}
		double single = aggregate.containsKey("1") ? aggregate.get("1").median() : Double.NaN;
		double b16 = aggregate.containsKey("16") ? aggregate.get("16").median() : Double.NaN;
		return new EngineReport.Comparison(anchor.name(), anchor.promptTokensPerSecond(),
				anchor.generationTokensPerSecond(), pp128.median() / anchor.promptTokensPerSecond(),
				single / anchor.generationTokensPerSecond(), b16 / single);
	}

	private static void print(EngineReport r, PrintStream out) {
		Table t = new Table("measure", "tokens/s (median)", "min", "max");
		t.row("prompt 128", r.prompt128().median(), r.prompt128().min(), r.prompt128().max());
		t.row("prompt 512", r.prompt512().median(), r.prompt512().min(), r.prompt512().max());
		r.aggregate()
			.forEach((b, m) -> t.row("generation, batch " + b + ((b.equals("1")) ? " (single stream)" : ""), m.median(),
					m.min(), m.max()));
		t.print(out);
		EngineReport.Memory m = r.memory();
		out.printf(
				"memory: peak RSS %.0f MiB, RSS %.0f MiB, heap peak %.0f MiB (KV cache %.0f MiB off-heap, model file %.0f MiB mapped)%n",
				m.peakRssMiB(), m.rssMiB(), m.heapPeakMiB(), m.kvCacheMiB(), m.modelFileMiB());
		EngineReport.Comparison c = r.comparison();
		if (c != null) {
			Table a = new Table("vs llama.cpp (" + c.anchor() + ", 2 threads)", "llama.cpp", "ratio", "target", "met");
			a.row("prompt 128 tokens/s", c.anchorPrompt128(), c.promptRatio(), Anchor.PROMPT_TARGET,
					met(c.promptRatio(), Anchor.PROMPT_TARGET));
			a.row("single-stream generation tokens/s", c.anchorGeneration(), c.generationRatio(),
					Anchor.GENERATION_TARGET, met(c.generationRatio(), Anchor.GENERATION_TARGET));
			a.row("batch 16 aggregate / single stream", "-", c.batch16OverSingle(), Anchor.BATCH16_TARGET,
					met(c.batch16OverSingle(), Anchor.BATCH16_TARGET));
			a.print(out);
		}
		out.println("load average at the end: "
				+ String.format(java.util.Locale.ROOT, "%.2f", r.machineAtEnd().loadAverage1m()));
	}

	private static String met(double ratio, double target) {
		return Double.isNaN(ratio) ? "n/a" : (ratio >= target) ? "yes" : "no";
	}

	private static double[] repeat(int n, java.util.function.DoubleSupplier run) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = run.getAsDouble();
		}
		return v;
	}

	/** The weight type holding most parameters (norms are F32 in every file). */
	static GgmlType mainType(LoadedModel model) {
		Map<GgmlType, Long> byType = new LinkedHashMap<>();
		for (GgufTensorInfo t : model.gguf().tensors()) {
			byType.merge(t.type(), t.elementCount(), Long::sum);
		}
		return byType.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	/**
	 * KV memory for the largest batch plus a 512-token prompt, in whole blocks of 32,
	 * with one spare block per sequence.
	 */
	static long kvBytes(ModelConfig c, int maxBatch, int genTokens) {
		int block = 32;
		long perBlock = KvCache.bytesPerBlock(c.layers(), c.kvDim(), block);
		long perStream = (1 + genTokens + block - 1) / block + 1;
		long blocks = Math.max(maxBatch * perStream, (512 + 1 + block - 1) / block + 1) + 4;
		return blocks * perBlock;
	}

}
