// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.bench.serve.Outcome;
import dev.quorum.bench.serve.PromptFactory;

/**
 * Issue 5 (a): a repeated ~1k-token prefix. Each pair sends a prompt with a prefix no one
 * sent before (cold), then a prompt with the same prefix and a different ending (warm:
 * the prefix's whole chunks come from the prefix cache). Target: warm TTFT at most 25% of
 * cold.
 */
final class PrefixCacheScenario {

	/** Share of the prompt's text that the warm request repeats. */
	static final double SHARED = 0.96;

	private PrefixCacheScenario() {
	}

	static ScenarioResult run(ScenarioContext c) {
		c.warmUp(c.http());
		List<Outcome> cold = new ArrayList<>();
		List<Outcome> warm = new ArrayList<>();
		for (int i = 0; i < c.pairs(); i++) {
			PromptFactory f = c.factory(i);
			cold.add(send(c, f.prompt(c.promptTokens(), SHARED, 0).text()));
			warm.add(send(c, f.prompt(c.promptTokens(), SHARED, 1).text()));
		}
		Map<String, ScenarioResult.Group> groups = new LinkedHashMap<>();
		groups.put("cold prefix", ScenarioResult.Group.of(cold, Outcome::e2eMs));
		groups.put("warm prefix", ScenarioResult.Group.of(warm, Outcome::e2eMs));
		double ratio = groups.get("warm prefix").latency().median() / groups.get("cold prefix").latency().median();
		Map<String, Object> settings = c.settings();
		settings.put("sharedShare", SHARED);
		return new ScenarioResult("prefix-cache", c.machineAtStart(), dev.quorum.bench.report.Machine.now(), settings,
				groups, ratio, "warm TTFT / cold TTFT (medians)", "<= 0.25", ratio <= 0.25, Map.of(),
				List.of("TTFT = latency of a non-streamed request for one token, measured at the client",
						"cold and warm requests alternate; each pair has its own never-seen prefix"));
	}

	private static Outcome send(ScenarioContext c, String prompt) {
		return ScenarioContext.check(c.http().send(c.probe().withPrompt(prompt), System.nanoTime()));
	}

}
