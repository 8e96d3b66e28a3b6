// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.scenario;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.Machine;
import dev.quorum.bench.serve.Call;
import dev.quorum.bench.serve.OpenAiHttp;
import dev.quorum.bench.serve.Outcome;
import dev.quorum.bench.serve.PromptFactory;
import dev.quorum.bench.serve.ServeCommand;
import dev.quorum.bench.serve.TokenBudget;

/**
 * What every scenario starts from: the client, the request template, the token budget
 * measured on the server, and prompts that no earlier run used (the seed defaults to the
 * clock, so a cold prompt is cold even against a long-running Redis).
 *
 * @param args the arguments
 * @param out progress output
 * @param http the client for {@code --url}
 * @param probe a non-streamed one-token request: its latency is the time to the first
 * token, and decode-service's {@code Server-Timing} comes with it
 * @param budget how prompts are sized
 * @param seed the run's seed
 * @param machineAtStart the client machine at the start
 */
record ScenarioContext(Args args, PrintStream out, OpenAiHttp http, Call probe, TokenBudget budget, long seed,
		Machine machineAtStart) implements AutoCloseable {

	static ScenarioContext open(Args args, PrintStream out) {
		OpenAiHttp http = ServeCommand.client(args);
		Call probe = ServeCommand.callTemplate(args).withStream(false).withMaxTokens(1);
		TokenBudget budget = ServeCommand.budget(args, http, probe);
		long seed = args.has("seed") ? args.integer("seed", 0) : System.currentTimeMillis();
		Machine start = Machine.now();
		out.println("machine: " + start.describe());
		out.println("target: " + http.base() + ", model " + probe.model() + ", " + budget.describe());
		return new ScenarioContext(args, out, http, probe, budget, seed, start);
	}

	/** The target prompt length, tokens. */
	int promptTokens() {
		return this.args.integer("prompt-tokens", 900);
	}

	/** Measured pairs (or requests per group). */
	int pairs() {
		return Math.max(1, this.args.integer("pairs", 10));
	}

	/**
	 * A prompt factory of its own: prompts of different factories share nothing but the
	 * template.
	 * @param stream which factory
	 * @return the factory
	 */
	PromptFactory factory(long stream) {
		return new PromptFactory(this.budget, this.seed * 7919 + stream);
	}

	/**
	 * A prompt nobody sent before, of the target length.
	 * @param stream a number for this prompt, distinct within the run
	 * @return the text
	 */
	String fresh(long stream) {
		return factory(stream).prompt(promptTokens(), 0, 0).text();
	}

	/**
	 * Sends warm-up requests with fresh prompts, so JIT and connections are warm.
	 * @param http the target
	 */
	void warmUp(OpenAiHttp http) {
		int n = this.args.integer("warmup", 3);
		for (int i = 0; i < n; i++) {
			check(http.send(this.probe.withPrompt(fresh(-1 - i)), System.nanoTime()));
		}
	}

	/**
	 * Fails when a request failed: a scenario's ratios mean nothing with failures in
	 * them.
	 * @param o the outcome
	 * @return the outcome
	 */
	static Outcome check(Outcome o) {
		if (!o.ok()) {
			throw new IllegalStateException(
					"request failed: " + ((o.status() > 0) ? "HTTP " + o.status() + ": " : "") + o.error());
		}
		return o;
	}

	/**
	 * The common settings for the report.
	 * @return settings by name
	 */
	Map<String, Object> settings() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("url", this.http.base());
		s.put("model", this.probe.model());
		s.put("endpoint", this.probe.endpoint().name().toLowerCase(java.util.Locale.ROOT));
		s.put("promptTokens", promptTokens());
		s.put("pairs", pairs());
		s.put("seed", this.seed);
		return s;
	}

	@Override
	public void close() {
		this.http.close();
	}

}
