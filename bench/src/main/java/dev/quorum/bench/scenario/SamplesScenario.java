// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.serve.Call;
import dev.quorum.bench.serve.Outcome;

/**
 * Issue 5 (d): {@code n} samples share one prefill. Fresh ~1k-token prompts are sent
 * alternately with {@code n}=1 and {@code n}=16, one token per choice, so the latency is
 * the prefill plus forking and sampling the choices. Target: at most 1.2× the cost of
 * one.
 */
final class SamplesScenario {

	private SamplesScenario() {
	}

	static ScenarioResult run(ScenarioContext c) {
		int n = c.args().integer("n", 16);
		c.warmUp(c.http());
		Call one = c.probe();
		Call many = c.probe().withN(n);
		List<Outcome> single = new ArrayList<>();
		List<Outcome> multi = new ArrayList<>();
		for (int i = 0; i < c.pairs(); i++) {
			if (i % 2 == 0) {
				single.add(send(c, one, c.fresh(3_000 + 2L * i)));
				multi.add(send(c, many, c.fresh(3_001 + 2L * i)));
			}
			else {
				multi.add(send(c, many, c.fresh(3_001 + 2L * i)));
				single.add(send(c, one, c.fresh(3_000 + 2L * i)));
			}
		}
		Map<String, ScenarioResult.Group> groups = new LinkedHashMap<>();
		groups.put("n=1", ScenarioResult.Group.of(single, Outcome::e2eMs));
		groups.put("n=" + n, ScenarioResult.Group.of(multi, Outcome::e2eMs));
		double ratio = groups.get("n=" + n).latency().median() / groups.get("n=1").latency().median();
		Map<String, Double> figures = new LinkedHashMap<>();
		double p1 = prefill(groups.get("n=1"));
		double pn = prefill(groups.get("n=" + n));
		figures.put("server prefill+transfer n=" + n + " / n=1", pn / p1);
		Map<String, Object> settings = c.settings();
		settings.put("n", n);
		return new ScenarioResult("samples", c.machineAtStart(), Machine.now(), settings, groups, ratio,
				"TTFT n=" + n + " / TTFT n=1 (medians)", "<= 1.2", ratio <= 1.2, figures,
				List.of("each request generates one token per choice; TTFT = its latency at the client",
						"every prompt is fresh, so both groups pay the whole prefill"));
	}

	private static double prefill(ScenarioResult.Group g) {
		double transfer = g.serverTiming().containsKey("transfer") ? g.serverTiming().get("transfer").median() : 0;
		double prefill = g.serverTiming().containsKey("prefill") ? g.serverTiming().get("prefill").median()
				: Double.NaN;
		return transfer + prefill;
	}

	private static Outcome send(ScenarioContext c, Call call, String prompt) {
		return ScenarioContext.check(c.http().send(call.withPrompt(prompt), System.nanoTime()));
	}

}
