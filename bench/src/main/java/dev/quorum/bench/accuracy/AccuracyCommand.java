// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;
import dev.quorum.bench.serve.OpenAiHttp;

/**
 * {@code accuracy}: runs reasoning strategies through the gateway's
 * {@code POST /v1/reason} on a held-out question file and reports accuracy with a Wilson
 * 95% interval, samples and tokens per question, latency and wall time, paired McNemar
 * comparisons, and a bar chart (SVG).
 */
public final class AccuracyCommand {

	/** Usage lines. */
	public static final String USAGE = """
			  accuracy --url http://localhost:8080 --api-key KEY --dataset models/data/eval.jsonl
			        --strategies "cot/tiny-reasoner;sc-8/tiny-reasoner?early_stop.rule=none;..." [--limit N]
			        [--concurrency 2] [--deadline-ms 120000] [--warmup 1] [--compare 2:1,3:2]
			        [--json out.json] [--markdown table.md] [--plot chart.svg]
			      strategies are strategy model names, optionally with /v1/reason fields after '?'
			      (dotted keys nest); --compare i:j pairs strategies by position (McNemar)
			  accuracy --from-json out.json [--markdown table.md] [--plot chart.svg]
			      the table and chart of a saved run, without running it again
			""";

	private static final Set<String> OPTIONS = Set.of("url", "api-key", "dataset", "strategies", "limit", "concurrency",
			"deadline-ms", "compare", "json", "markdown", "plot", "timeout-s", "warmup", "from-json");

	private AccuracyCommand() {
	}

	/**
	 * Runs the benchmark.
	 * @param argv the command's arguments
	 * @param out where the report goes
	 * @return the exit status
	 */
	public static int run(List<String> argv, PrintStream out) {
		Args args = Args.parse(argv, OPTIONS, Set.of());
		if (args.has("from-json")) {
			AccuracyReport saved = JsonFiles.read(Path.of(args.require("from-json")), AccuracyReport.class);
			saved.print(out);
			render(args, saved);
			return 0;
		}
		List<StrategyEntry> strategies = StrategyEntry.parseAll(args.require("strategies"));
		Path dataset = Path.of(args.require("dataset"));
		List<Question> questions = Question.read(dataset, args.integer("limit", Integer.MAX_VALUE));
		List<int[]> compare = pairs(args.list("compare", List.of()), strategies.size());
		int concurrency = args.integer("concurrency", 2);
		Machine start = Machine.now();
		out.println("machine: " + start.describe());
		out.printf(Locale.ROOT, "%d questions from %s, %d strategies, %d at a time%n", questions.size(), dataset,
				strategies.size(), concurrency);
		List<StrategySummary> summaries = new ArrayList<>();
		try (OpenAiHttp http = new OpenAiHttp(args.require("url"), args.string("api-key", null),
				Duration.ofSeconds(args.integer("timeout-s", 900)))) {
			AccuracyRunner runner = new AccuracyRunner(http, concurrency, args.integer("deadline-ms", 120_000));
			for (StrategyEntry s : strategies) {
				// uncounted calls first, so no strategy pays for warming up the services
				for (int w = 0; w < args.integer("warmup", 1) && !questions.isEmpty(); w++) {
					runner.ask(s, questions.get(w % questions.size()));
				}
				StrategySummary summary = runner.run(s, questions);
				summaries.add(summary);
				out.printf(Locale.ROOT, "%s: %.1f%% (%d/%d), %.1f samples/q, %.0f s%n", s.label(),
						100 * summary.accuracy(), summary.correct(), summary.questions(), summary.meanSamples(),
						summary.wallS());
			}
			List<StrategySummary.Paired> paired = compare.stream()
				.map((p) -> summaries.get(p[0]).against(summaries.get(p[1])))
				.toList();
			AccuracyReport report = new AccuracyReport(start, Machine.now(), http.base(), dataset.toString(),
					questions.size(), concurrency, summaries, paired);
			out.println();
			report.print(out);
			if (args.has("json")) {
				JsonFiles.write(Path.of(args.require("json")), report);
			}
			render(args, report);
			return 0;
		}
	}

	private static void render(Args args, AccuracyReport report) {
		if (args.has("markdown")) {
			write(Path.of(args.require("markdown")), report.markdown());
		}
		if (args.has("plot")) {
			write(Path.of(args.require("plot")),
					SvgChart.render(
							"Accuracy on " + Path.of(report.dataset()).getFileName() + " (" + report.questions()
									+ " questions), 95% Wilson intervals",
							"through POST /v1/reason; " + report.machineAtStart().describe(), report.strategies()));
		}
	}

	/** Parses {@code i:j} pairs of 1-based positions. */
	static List<int[]> pairs(List<String> specs, int count) {
		List<int[]> pairs = new ArrayList<>();
		for (String spec : specs) {
			String[] p = spec.split(":");
			try {
				int a = Integer.parseInt(p[0].strip()) - 1;
				int b = Integer.parseInt(p[1].strip()) - 1;
				if (p.length == 2 && a >= 0 && b >= 0 && a < count && b < count && a != b) {
					pairs.add(new int[] { a, b });
					continue;
				}
			}
			catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
				// reported below
			}
			throw new Args.UsageException(
					"--compare takes i:j pairs of strategy positions 1.." + count + ", got '" + spec + "'");
		}
		return pairs;
	}

	private static void write(Path file, String text) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			if (dir != null) {
				Files.createDirectories(dir);
			}
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
