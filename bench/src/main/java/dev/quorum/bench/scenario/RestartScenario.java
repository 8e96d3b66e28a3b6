// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.serve.OpenAiHttp;
import dev.quorum.bench.serve.Outcome;
import dev.quorum.bench.serve.ServeCommand;
import dev.quorum.bench.stats.Summary;

/**
 * Issue 5 (b) and (c). Phase 1 sends ~1k-token prompts nobody sent before, so their
 * chunks end up in Redis. Then decode-service restarts ({@code --restart-command}), or
 * phase 2 goes to a freshly started decode-service on the same Redis
 * ({@code --restarted-url}): its local prefix cache is empty. Phase 2 alternates the
 * phase-1 prompts (prefix from Redis) with fresh prompts (recomputed). Targets: Redis
 * cuts TTFT by at least 50% against recomputing; the hand-off (decode's
 * {@code Server-Timing} {@code transfer} on Redis hits: finding, reading and verifying
 * the chunks) is at most 10% of the TTFT of a cold ~1k-token request, whose prefill runs
 * on prefill-service (the write side is inside that call and measured by
 * {@code quorum-bench kv}).
 */
final class RestartScenario {

	private RestartScenario() {
	}

	static ScenarioResult run(ScenarioContext c) {
		c.warmUp(c.http());
		List<String> stored = new ArrayList<>();
		List<Outcome> phase1 = new ArrayList<>();
		for (int i = 0; i < c.pairs(); i++) {
			stored.add(c.fresh(1_000 + i));
			phase1.add(send(c, c.http(), stored.get(i)));
		}
		// decode publishes locally prefilled chunks behind the response
		sleep(c.args().integer("settle-ms", 2000));
		try (OpenAiHttp after = restarted(c)) {
			c.warmUp(after);
			List<Outcome> redis = new ArrayList<>();
			List<Outcome> recomputed = new ArrayList<>();
			for (int i = 0; i < c.pairs(); i++) {
				String fresh = c.fresh(2_000 + i);
				if (i % 2 == 0) {
					redis.add(send(c, after, stored.get(i)));
					recomputed.add(send(c, after, fresh));
				}
				else {
					recomputed.add(send(c, after, fresh));
					redis.add(send(c, after, stored.get(i)));
				}
			}
			Map<String, ScenarioResult.Group> groups = new LinkedHashMap<>();
			groups.put("before restart: cold", ScenarioResult.Group.of(phase1, Outcome::e2eMs));
			groups.put("after restart: from Redis", ScenarioResult.Group.of(redis, Outcome::e2eMs));
			groups.put("after restart: recomputed", ScenarioResult.Group.of(recomputed, Outcome::e2eMs));
			double fromRedis = groups.get("after restart: from Redis").latency().median();
			double recompute = groups.get("after restart: recomputed").latency().median();
			double ratio = fromRedis / recompute;
			double share = Summary
				.of(redis.stream()
					.mapToDouble((o) -> o.timing("transfer") / o.e2eMs())
					.filter((v) -> !Double.isNaN(v))
					.toArray())
				.median();
			double transfer = Summary
				.of(redis.stream().mapToDouble((o) -> o.timing("transfer")).filter((v) -> !Double.isNaN(v)).toArray())
				.median();
			Map<String, Double> figures = new LinkedHashMap<>();
			figures.put("TTFT cut by Redis vs recomputing (%)", 100 * (1 - ratio));
			figures.put("hand-off ms (decode side: median transfer of the Redis hits)", transfer);
			figures.put("hand-off / TTFT of a cold disaggregated ~1k-token request (target <= 0.10)",
					transfer / recompute);
			figures.put("hand-off / TTFT of the Redis hit itself", share);
			Map<String, Object> settings = c.settings();
			settings.put("restart", c.args().has("restart-command") ? "command: " + c.args().require("restart-command")
					: "second instance: " + after.base());
			return new ScenarioResult("restart", c.machineAtStart(), Machine.now(), settings, groups, ratio,
					"Redis TTFT / recomputed TTFT (medians)", "<= 0.50", ratio <= 0.5, figures,
					List.of("TTFT = latency of a non-streamed request for one token, measured at the client",
							"transfer = decode-service's Server-Timing: finding, fetching and verifying the prompt's"
									+ " chunks (on a cold prompt it includes the prefill-service call)"));
		}
	}

	private static OpenAiHttp restarted(ScenarioContext c) {
		if (c.args().has("restarted-url")) {
			return new OpenAiHttp(c.args().require("restarted-url"), c.args().string("api-key", null),
					java.time.Duration.ofSeconds(c.args().integer("timeout-s", 600)));
		}
		if (!c.args().has("restart-command")) {
			throw new dev.quorum.bench.cli.Args.UsageException(
					"restart needs --restart-command CMD or --restarted-url URL");
		}
		String command = c.args().require("restart-command");
		c.out().println("restarting: " + command);
		try {
			int status = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
			if (status != 0) {
				throw new IllegalStateException("the restart command exited with " + status);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run the restart command: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		OpenAiHttp http = ServeCommand.client(c.args());
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (!http.ready()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the server did not come back within 5 minutes");
			}
			sleep(500);
		}
		return http;
	}

	private static Outcome send(ScenarioContext c, OpenAiHttp http, String prompt) {
		return ScenarioContext.check(http.send(c.probe().withPrompt(prompt), System.nanoTime()));
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
