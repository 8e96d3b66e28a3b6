// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.report.Table;
import dev.quorum.bench.serve.Outcome;
import dev.quorum.bench.serve.ServeMetrics;

/**
 * The result of a scenario, as written to JSON: its groups of requests measured side by
 * side, the headline ratio and its target.
 *
 * @param scenario the scenario's name
 * @param machineAtStart the client machine at the start
 * @param machineAtEnd the client machine at the end
 * @param settings the workload
 * @param groups the measured groups by label, each with its latency statistics
 * @param ratio the headline figure (e.g. warm TTFT / cold TTFT)
 * @param ratioMeaning what the ratio divides by what
 * @param target the target for the ratio
 * @param targetMet whether it was met (null when the scenario has no target)
 * @param figures further figures by name
 * @param notes what else to know when reading the figures
 */
public record ScenarioResult(String scenario, Machine machineAtStart, Machine machineAtEnd,
		Map<String, Object> settings, Map<String, Group> groups, double ratio, String ratioMeaning, String target,
		Boolean targetMet, Map<String, Double> figures, List<String> notes) {

	/**
	 * One group of requests.
	 *
	 * @param latency the client-side latency the scenario compares (ms)
	 * @param serverTiming {@code Server-Timing} durations by name (ms), where reported
	 * @param cachedTokens mean cached prompt tokens
	 * @param promptTokens mean prompt tokens
	 * @param failed failed requests
	 * @param requests every request
	 */
	public record Group(ServeMetrics.Latency latency, Map<String, ServeMetrics.Latency> serverTiming,
			double cachedTokens, double promptTokens, int failed, List<Outcome> requests) {

		/**
		 * Summarises requests.
		 * @param outcomes the requests
		 * @param latency which latency to compare
		 * @return the group
		 */
		public static Group of(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> latency) {
			List<Outcome> ok = outcomes.stream().filter(Outcome::ok).toList();
			Map<String, ServeMetrics.Latency> timings = new LinkedHashMap<>();
			for (String name : List.of("transfer", "queue", "prefill", "decode")) {
				double[] v = ok.stream().mapToDouble((o) -> o.timing(name)).filter((x) -> !Double.isNaN(x)).toArray();
				if (v.length > 0) {
					timings.put(name, ServeMetrics.Latency.of(v));
				}
			}
			return new Group(
					ServeMetrics.Latency.of(ok.stream().mapToDouble(latency).filter((x) -> !Double.isNaN(x)).toArray()),
					timings, ok.stream().mapToInt(Outcome::cachedTokens).average().orElse(Double.NaN),
					ok.stream().mapToInt(Outcome::promptTokens).average().orElse(Double.NaN),
					outcomes.size() - ok.size(), outcomes);
		}

	}

	/**
	 * Prints the groups side by side, then the ratio against its target.
	 * @param out where to print
	 * @param latencyName what the latency column measures
	 */
	public void print(PrintStream out, String latencyName) {
		Table t = new Table(this.scenario, latencyName + " median", "p90", "p99", "mean", "transfer", "prefill",
				"cached tok", "prompt tok", "n", "failed");
		this.groups.forEach((label, g) -> t.row(label, g.latency().median(), g.latency().p90(), g.latency().p99(),
				g.latency().mean(), median(g, "transfer"), median(g, "prefill"), g.cachedTokens(), g.promptTokens(),
				g.latency().count(), g.failed()));
		t.print(out);
		out.println("(transfer and prefill: medians of decode-service's Server-Timing, ms)");
		if (!Double.isNaN(this.ratio)) {
			out.printf(Locale.ROOT, "%s = %.3f; target %s: %s%n", this.ratioMeaning, this.ratio, this.target,
					(this.targetMet == null) ? "n/a" : this.targetMet ? "met" : "NOT met");
		}
		this.figures.forEach((name, v) -> out.printf(Locale.ROOT, "%s = %s%n", name, Table.number(v)));
		this.notes.forEach((n) -> out.println("note: " + n));
		out.printf(Locale.ROOT, "client load average: %.2f at start, %.2f at end%n",
				this.machineAtStart.loadAverage1m(), this.machineAtEnd.loadAverage1m());
	}

	private static double median(Group g, String timing) {
		ServeMetrics.Latency l = g.serverTiming().get(timing);
		return (l != null) ? l.median() : Double.NaN;
	}

}
