// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.report.Table;

/**
 * The result of {@code quorum-bench serve}, as written to JSON and printed.
 *
 * @param machineAtStart the client machine when the run started
 * @param machineAtEnd the client machine when it ended
 * @param settings the workload as given on the command line
 * @param budget how prompts were sized
 * @param slo the objectives goodput counts against
 * @param metrics the aggregate figures
 * @param requests every request
 */
public record ServeReport(Machine machineAtStart, Machine machineAtEnd, Map<String, Object> settings,
		TokenBudget budget, Slo slo, ServeMetrics metrics, List<Outcome> requests) {

	/**
	 * Prints the figures as vLLM's benchmark does, in one table.
	 * @param out where to print
	 */
	public void print(PrintStream out) {
		ServeMetrics m = this.metrics;
		Table t = new Table("serving benchmark", "value");
		t.row("successful requests", m.completed());
		t.row("failed requests", m.failed());
		t.row("benchmark duration (s)", m.durationS());
		t.row("total input tokens", m.inputTokens());
		t.row("  of which cached", m.cachedTokens());
		t.row("total generated tokens", m.outputTokens());
		t.row("request throughput (req/s)", m.requestThroughput());
		t.row("output token throughput (tok/s)", m.outputThroughput());
		t.row("total token throughput (tok/s)", m.totalTokenThroughput());
		if (this.slo.any()) {
			t.row("request goodput (req/s)", m.goodput());
			t.row("SLO attainment (%)", 100 * m.sloAttainment());
		}
		t.print(out);
		Table l = new Table("latency (ms)", "mean", "median", "p90", "p99", "max", "count");
		latency(l, "TTFT", m.ttftMs());
		latency(l, "TPOT", m.tpotMs());
		latency(l, "ITL", m.itlMs());
		latency(l, "E2E", m.e2eMs());
		l.print(out);
		if (this.slo.any()) {
			out.printf(Locale.ROOT, "SLOs: TTFT <= %s ms, TPOT <= %s ms, E2E <= %s ms%n",
					Table.number(this.slo.ttftMs()), Table.number(this.slo.tpotMs()), Table.number(this.slo.e2eMs()));
		}
		m.errors().forEach((error, count) -> out.println("error x" + count + ": " + error));
		out.printf(Locale.ROOT, "client load average: %.2f at start, %.2f at end%n",
				this.machineAtStart.loadAverage1m(), this.machineAtEnd.loadAverage1m());
	}

	private static void latency(Table t, String name, ServeMetrics.Latency v) {
		t.row(name, v.mean(), v.median(), v.p90(), v.p99(), v.max(), v.count());
	}

}
