// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;

/**
 * {@code serve}: an open-loop load generator in the style of vLLM's
 * {@code benchmark_serving.py}: Poisson arrivals at a request rate (or all at once under
 * a concurrency cap), prompts of a length distribution with an optional shared prefix,
 * streamed chat or completions requests; TTFT, TPOT, ITL and end-to-end percentiles,
 * throughput and goodput at the SLOs.
 */
public final class ServeCommand {

	/** Usage lines. */
	public static final String USAGE = """
			  serve --url http://localhost:8080 --api-key KEY --model tiny-reasoner [--endpoint chat|completions]
			        [--rate R | --concurrency C] [--requests N] [--prompt-tokens DIST] [--output-tokens DIST]
			        [--shared-prefix-ratio F] [--slo-ttft-ms MS] [--slo-tpot-ms MS] [--slo-e2e-ms MS]
			        [--temperature T] [--seed S] [--warmup N] [--chars-per-token X] [--json out.json]
			      DIST is N, uniform:A:B or normal:MEAN:STD (tokens); --rate and --concurrency may be combined
			""";

	static final Set<String> CONNECTION = Set.of("url", "api-key", "model", "endpoint", "chars-per-token", "timeout-s",
			"seed", "temperature");

	private static final Set<String> OPTIONS = union(CONNECTION,
			Set.of("rate", "concurrency", "requests", "prompt-tokens", "output-tokens", "shared-prefix-ratio",
					"slo-ttft-ms", "slo-tpot-ms", "slo-e2e-ms", "json", "warmup"));

	private ServeCommand() {
	}

	/**
	 * Runs the benchmark.
	 * @param argv the command's arguments
	 * @param out where the report goes
	 * @return the exit status (1 when every request failed)
	 */
	public static int run(List<String> argv, PrintStream out) {
		Args args = Args.parse(argv, OPTIONS, Set.of());
		double rate = args.number("rate", Double.POSITIVE_INFINITY);
		int concurrency = args.integer("concurrency", 0);
		if (!args.has("rate") && !args.has("concurrency")) {
			throw new Args.UsageException("give --rate R (requests/s), --concurrency C, or both");
		}
		int requests = args.integer("requests", 100);
		LengthDistribution promptLengths = LengthDistribution.parse(args.string("prompt-tokens", "256"));
		LengthDistribution outputLengths = LengthDistribution.parse(args.string("output-tokens", "128"));
		double shared = args.number("shared-prefix-ratio", 0);
		Slo slo = new Slo(args.number("slo-ttft-ms", Double.NaN), args.number("slo-tpot-ms", Double.NaN),
				args.number("slo-e2e-ms", Double.NaN));
		long seed = args.integer("seed", 0);
		Machine start = Machine.now();
		try (OpenAiHttp http = client(args)) {
			Call template = callTemplate(args);
			TokenBudget budget = budget(args, http, template);
			out.println("machine: " + start.describe());
			out.println("target: " + http.base() + ", model " + template.model() + ", " + budget.describe());
			PromptFactory prompts = new PromptFactory(budget, seed);
			SplittableRandom random = new SplittableRandom(seed);
			List<Call> calls = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				PromptFactory.Prompt p = prompts.prompt(promptLengths.sample(random), shared, i);
				calls.add(template.withPrompt(p.text()).withMaxTokens(outputLengths.sample(random)));
			}
			warmUp(http, template, prompts, args.integer("warmup", 2));
			double[] arrivals = Arrivals.poisson(requests, rate, random);
			LoadRunner.Run run = LoadRunner.run(http, calls, arrivals, concurrency);
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.put("url", http.base());
			settings.put("model", template.model());
			settings.put("endpoint", template.endpoint().name().toLowerCase(java.util.Locale.ROOT));
			settings.put("rate", Double.isInfinite(rate) ? "inf" : rate);
			settings.put("concurrency", concurrency);
			settings.put("requests", requests);
			settings.put("promptTokens", args.string("prompt-tokens", "256"));
			settings.put("outputTokens", args.string("output-tokens", "128"));
			settings.put("sharedPrefixRatio", shared);
			settings.put("temperature", template.temperature());
			settings.put("seed", seed);
			ServeReport report = new ServeReport(start, Machine.now(), settings, budget, slo,
					ServeMetrics.of(run.outcomes(), run.durationS(), slo), run.outcomes());
			report.print(out);
			if (args.has("json")) {
				JsonFiles.write(Path.of(args.require("json")), report);
				out.println("wrote " + args.require("json"));
			}
			return (report.metrics().completed() == 0) ? 1 : 0;
		}
	}

	/**
	 * The client for {@code --url} and {@code --api-key}.
	 * @param args the arguments
	 * @return the client
	 */
	public static OpenAiHttp client(Args args) {
		return new OpenAiHttp(args.require("url"), args.string("api-key", null),
				Duration.ofSeconds(args.integer("timeout-s", 600)));
	}

	/**
	 * A streaming request of the model with the run's sampling settings and no prompt
	 * yet.
	 * @param args the arguments
	 * @return the template
	 */
	public static Call callTemplate(Args args) {
		return new Call(Endpoint.parse(args.string("endpoint", "chat")), args.require("model"), "", 128, 1,
				args.number("temperature", 0), args.has("seed") ? (long) args.integer("seed", 0) : null, true);
	}

	/**
	 * The token budget: given ({@code --chars-per-token}) or measured with the server's
	 * tokenizer.
	 * @param args the arguments
	 * @param http the client
	 * @param template the request template
	 * @return the budget
	 */
	public static TokenBudget budget(Args args, OpenAiHttp http, Call template) {
		if (args.has("chars-per-token")) {
			return new TokenBudget(args.number("chars-per-token", 4), 0);
		}
		return TokenBudget.calibrate(http, template.endpoint(), template.model());
	}

	/**
	 * Sends a few requests first (JIT, connections), with prompts no run uses.
	 * @param http the client
	 * @param template the request template
	 * @param prompts the run's prompt factory
	 * @param n how many
	 */
	public static void warmUp(OpenAiHttp http, Call template, PromptFactory prompts, int n) {
		for (int i = 0; i < n; i++) {
			Outcome o = http.send(template.withPrompt(prompts.prompt(64, 0, -1 - i).text()).withMaxTokens(16),
					System.nanoTime());
			if (!o.ok()) {
				throw new IllegalStateException(
						"warm-up request failed: " + ((o.status() > 0) ? "HTTP " + o.status() + ": " : "") + o.error());
			}
		}
	}

	static Set<String> union(Set<String> a, Set<String> b) {
		java.util.HashSet<String> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

}
