// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;

/**
 * {@code scenario NAME}: the serving targets of issue 5, each measured side by side in
 * one run: {@code prefix-cache} (warm vs cold TTFT of a repeated ~1k-token prefix),
 * {@code restart} (prefix served from Redis after decode-service restarted vs recomputed,
 * and the hand-off's share of TTFT), {@code samples} ({@code n}=16 vs 1 prefill cost),
 * {@code disagg} (inter-token latency of running streams while long prompts arrive,
 * disaggregated vs colocated).
 */
public final class ScenarioCommand {

	/** Usage lines. */
	public static final String USAGE = """
			  scenario prefix-cache|restart|samples|disagg --url URL [--api-key KEY] --model M [--pairs 10]
			        [--prompt-tokens 900] [--json out.json] and, per scenario:
			      prefix-cache   warm (same ~1k-token prefix, new ending) vs cold TTFT, interleaved
			      restart        --restarted-url URL2 | --restart-command CMD: prompts stored in phase 1 are
			                     asked again after the restart (from Redis) interleaved with fresh ones
			                     (recomputed); hand-off share of TTFT from Server-Timing
			      samples        [--n 16]: prefill cost of n samples vs 1, fresh prompts, interleaved
			      disagg         --colocated-url URL2 [--streams 4] [--stream-tokens 256] [--long-prompts 12]
			                     [--long-rate 0.5]: ITL of running streams while long prompts arrive, on URL
			                     (disaggregated) and URL2 (decode prefilling locally)
			""";

	private static final Set<String> OPTIONS = Set.of("url", "api-key", "model", "endpoint", "chars-per-token",
			"timeout-s", "seed", "temperature", "pairs", "prompt-tokens", "json", "warmup", "restarted-url",
			"restart-command", "settle-ms", "n", "colocated-url", "streams", "stream-tokens", "long-prompts",
			"long-rate");

	private ScenarioCommand() {
	}

	/**
	 * Runs a scenario.
	 * @param argv the scenario's name and arguments
	 * @param out where the report goes
	 * @return the exit status
	 */
	public static int run(List<String> argv, PrintStream out) {
		if (argv.isEmpty()) {
			throw new Args.UsageException("scenario needs a name: prefix-cache, restart, samples or disagg");
		}
		Args args = Args.parse(argv.subList(1, argv.size()), OPTIONS, Set.of());
		ScenarioResult result;
		try (ScenarioContext context = ScenarioContext.open(args, out)) {
			result = switch (argv.get(0)) {
				case "prefix-cache" -> PrefixCacheScenario.run(context);
				case "restart" -> RestartScenario.run(context);
				case "samples" -> SamplesScenario.run(context);
				case "disagg" -> DisaggregationScenario.run(context);
				default -> throw new Args.UsageException(
						"unknown scenario '" + argv.get(0) + "' (prefix-cache, restart, samples, disagg)");
			};
		}
		result.print(out, argv.get(0).equals("disagg") ? "ITL" : "TTFT");
		if (args.has("json")) {
			JsonFiles.write(Path.of(args.require("json")), result);
			out.println("wrote " + args.require("json"));
		}
		return 0;
	}

}
