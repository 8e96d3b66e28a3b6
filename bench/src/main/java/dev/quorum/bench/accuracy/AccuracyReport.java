// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.report.Table;

/**
 * The result of {@code quorum-bench accuracy}, as written to JSON.
 *
 * @param machineAtStart the client machine at the start
 * @param machineAtEnd the client machine at the end
 * @param url the gateway
 * @param dataset the question file
 * @param questions questions per strategy
 * @param concurrency questions in flight at once
 * @param strategies one summary per strategy, in the order given
 * @param paired the paired comparisons asked for
 */
record AccuracyReport(Machine machineAtStart, Machine machineAtEnd, String url, String dataset, int questions,
		int concurrency, List<StrategySummary> strategies, List<StrategySummary.Paired> paired) {

	Table table() {
		Table t = new Table("strategy", "accuracy %", "95% CI", "samples/q", "gen tokens/q", "tokens/q", "latency ms/q",
				"wall s", "errors", "degraded", "fallbacks");
		for (StrategySummary s : this.strategies) {
			t.row(s.label(), 100 * s.accuracy(), String.format(Locale.ROOT, "%.1f-%.1f", 100 * s.low(), 100 * s.high()),
					s.meanSamples(), s.meanCompletionTokens(), s.meanTotalTokens(), s.meanLatencyMs(), s.wallS(),
					s.errors(), s.degraded(), s.fallbacks());
		}
		return t;
	}

	Table pairedTable() {
		Table t = new Table("strategy vs baseline", "wins", "losses", "p (exact McNemar)");
		for (StrategySummary.Paired p : this.paired) {
			t.row(p.strategy() + " vs " + p.baseline(), p.wins(), p.losses(),
					String.format(Locale.ROOT, "%.2g", p.p()));
		}
		return t;
	}

	void print(PrintStream out) {
		table().print(out);
		if (!this.paired.isEmpty()) {
			out.println();
			pairedTable().print(out);
		}
		out.printf(Locale.ROOT, "client load average: %.2f at start, %.2f at end%n",
				this.machineAtStart.loadAverage1m(), this.machineAtEnd.loadAverage1m());
	}

	String markdown() {
		StringBuilder md = new StringBuilder(table().markdown());
		if (!this.paired.isEmpty()) {
			md.append('\n').append(pairedTable().markdown());
		}
		return md.toString();
	}

}
