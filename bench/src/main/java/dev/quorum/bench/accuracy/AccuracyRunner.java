// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.quorum.bench.serve.OpenAiHttp;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.reasoning.canon.Canonicalizer;
import tools.jackson.databind.JsonNode;

/**
 * Asks {@code POST /v1/reason} every question under one strategy, a few questions at a
 * time, and scores each answer against the gold one with the reasoning library's
 * equivalence (the same canonicalisation the vote uses).
 */
final class AccuracyRunner {

	private final OpenAiHttp http;

	private final int concurrency;

	private final long deadlineMs;

	private final Canonicalizer canonicalizer = Canonicalizer.standard();

	AccuracyRunner(OpenAiHttp http, int concurrency, long deadlineMs) {
		this.http = http;
		this.concurrency = Math.max(1, concurrency);
		this.deadlineMs = deadlineMs;
	}

	StrategySummary run(StrategyEntry strategy, List<Question> questions) {
		QuestionResult[] results = new QuestionResult[questions.size()];
		Semaphore slots = new Semaphore(this.concurrency);
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < questions.size(); i++) {
				int index = i;
				slots.acquireUninterruptibly();
				threads.execute(() -> {
					try {
						results[index] = ask(strategy, questions.get(index));
					}
					finally {
						slots.release();
					}
				});
			}
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.DAYS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		double wall = (System.nanoTime() - start) / 1e9;
		return StrategySummary.of(strategy.label(), Arrays.asList(results), wall,
				(String) strategy.fields().get("strategy"));
	}

	QuestionResult ask(StrategyEntry strategy, Question q) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("question", q.question());
		body.putAll(strategy.fields());
		body.putIfAbsent("deadline_ms", this.deadlineMs);
		OpenAiHttp.Reply reply = this.http.post("/v1/reason", OpenAiJson.mapper().writeValueAsString(body));
		if (reply.status() != 200) {
			return new QuestionResult(q.id(), q.answer(), null, false, 0, 0, 0, reply.ms(), null, false,
					((reply.status() > 0) ? "HTTP " + reply.status() + ": " : "") + reply.error());
		}
		JsonNode json = OpenAiJson.mapper().readTree(reply.body());
		String answer = json.path("answer").isString() ? json.path("answer").stringValue() : null;
		boolean correct = answer != null && this.canonicalizer.equivalent(answer, q.answer());
		JsonNode usage = json.path("usage");
		return new QuestionResult(q.id(), q.answer(), answer, correct, json.path("samples_used").asInt(0),
				usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), reply.ms(),
				json.path("strategy_applied").asString(""), !json.path("degraded").isEmpty(), null);
	}

}
