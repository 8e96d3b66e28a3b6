// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.Machine;
import dev.quorum.bench.serve.Arrivals;
import dev.quorum.bench.serve.Call;
import dev.quorum.bench.serve.LoadRunner;
import dev.quorum.bench.serve.OpenAiHttp;
import dev.quorum.bench.serve.Outcome;
import dev.quorum.bench.serve.ServeMetrics;

/**
 * Issue 5 (e): disaggregated vs colocated. On each target in turn, a few streams generate
 * continuously (short prompts, long outputs) while long prompts arrive at a Poisson rate;
 * the figure is the inter-token latency of the running streams while the long prompts are
 * being served (gaps that ended in that window), and the long prompts' TTFT. The first
 * target prefills long prompts on prefill-service; the second prefills them in decode's
 * own batch.
 */
final class DisaggregationScenario {

	private DisaggregationScenario() {
	}

	static ScenarioResult run(ScenarioContext c) {
		if (!c.args().has("colocated-url")) {
			throw new Args.UsageException("disagg needs --colocated-url (a decode-service that prefills locally)");
		}
		Map<String, ScenarioResult.Group> groups = new LinkedHashMap<>();
		Map<String, Double> figures = new LinkedHashMap<>();
		try (OpenAiHttp colocated = new OpenAiHttp(c.args().require("colocated-url"), c.args().string("api-key", null),
				Duration.ofSeconds(c.args().integer("timeout-s", 600)))) {
			measure(c, c.http(), "disaggregated", 10_000, groups);
			measure(c, colocated, "colocated", 20_000, groups);
		}
		double disagg = groups.get("disaggregated: stream ITL").latency().p99();
		double coloc = groups.get("colocated: stream ITL").latency().p99();
		figures.put("p99 ITL disaggregated (ms)", disagg);
		figures.put("p99 ITL colocated (ms)", coloc);
		figures.put("long-prompt TTFT median, disaggregated (ms)",
				groups.get("disaggregated: long-prompt TTFT").latency().median());
		figures.put("long-prompt TTFT median, colocated (ms)",
				groups.get("colocated: long-prompt TTFT").latency().median());
		Map<String, Object> settings = c.settings();
		settings.put("colocatedUrl", c.args().require("colocated-url"));
		settings.put("streams", streams(c));
		settings.put("streamTokens", c.args().integer("stream-tokens", 256));
		settings.put("longPrompts", c.args().integer("long-prompts", 12));
		settings.put("longRate", c.args().number("long-rate", 0.5));
		return new ScenarioResult("disagg", c.machineAtStart(), Machine.now(), settings, groups, disagg / coloc,
				"p99 ITL disaggregated / colocated", "report (lower is better)", null, figures, List.of(
						"stream ITL: gaps between streamed chunks of the running streams that ended while long"
								+ " prompts were in flight",
						"long-prompt TTFT: streamed, time to the first content chunk"));
	}

	private static int streams(ScenarioContext c) {
		return Math.max(1, c.args().integer("streams", 4));
	}

	private static void measure(ScenarioContext c, OpenAiHttp http, String label, long streamBase,
			Map<String, ScenarioResult.Group> groups) {
		c.out().println(label + ": " + http.base());
		c.warmUp(http);
		Call stream = c.probe().withStream(true).withMaxTokens(c.args().integer("stream-tokens", 256));
		Call longCall = c.probe().withStream(true).withMaxTokens(8);
		int longPrompts = Math.max(1, c.args().integer("long-prompts", 12));
		List<Call> longCalls = new ArrayList<>();
		for (int i = 0; i < longPrompts; i++) {
			longCalls.add(longCall.withPrompt(c.fresh(streamBase + i)));
		}
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong next = new AtomicLong(streamBase + 5_000);
		List<Outcome> background = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		LoadRunner.Run run;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int s = 0; s < streams(c); s++) {
				threads.execute(() -> {
					while (!stop.get()) {
						String prompt = c.factory(next.getAndIncrement()).prompt(64, 0, 0).text();
						background.add(http.send(stream.withPrompt(prompt), start));
					}
				});
			}
			RestartScenario.sleep(1500);
			double[] arrivals = Arrivals.poisson(longPrompts, c.args().number("long-rate", 0.5),
					new SplittableRandom(c.seed()));
			// the long prompts' run starts now: gaps are compared with this window
			double windowStartMs = (System.nanoTime() - start) / 1e6;
			run = LoadRunner.run(http, longCalls, arrivals, 0);
			double windowEndMs = windowStartMs + run.durationS() * 1e3;
			stop.set(true);
			threads.shutdown();
			threads.awaitTermination(10, TimeUnit.MINUTES);
			double[] itl = gapsWithin(background, windowStartMs, windowEndMs);
			List<Outcome> all = List.copyOf(background);
			int failed = (int) all.stream().filter((o) -> !o.ok()).count();
			groups.put(label + ": stream ITL", new ScenarioResult.Group(ServeMetrics.Latency.of(itl), Map.of(),
					Double.NaN, Double.NaN, failed, all));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		groups.put(label + ": long-prompt TTFT", ScenarioResult.Group.of(run.outcomes(), Outcome::ttftMs));
	}

	/**
	 * The inter-token gaps of streams that ended inside a window; chunk k of a stream
	 * arrived at {@code sent + ttft + itl[0] + ... + itl[k-1]}.
	 * @param outcomes streamed requests, times relative to one start
	 * @param fromMs window start
	 * @param toMs window end
	 * @return the gaps, ms
	 */
	static double[] gapsWithin(List<Outcome> outcomes, double fromMs, double toMs) {
		List<Double> gaps = new ArrayList<>();
		for (Outcome o : outcomes) {
			double t = o.sentAtMs() + o.ttftMs();
			for (double gap : o.itlMs()) {
				t += gap;
				if (t >= fromMs && t <= toMs) {
					gaps.add(gap);
				}
			}
		}
		return gaps.stream().mapToDouble(Double::doubleValue).toArray();
	}

}
