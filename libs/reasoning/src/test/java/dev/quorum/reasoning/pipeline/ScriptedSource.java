// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A deterministic in-memory {@link CandidateSource}: each call takes the next scripted
 * reply and records the request.
 */
final class ScriptedSource implements CandidateSource {

	private final String model;

	private final Deque<Function<GenerationRequest, CompletableFuture<List<Candidate>>>> replies = new ArrayDeque<>();

	final List<GenerationRequest> requests = new ArrayList<>();

	final List<CompletableFuture<List<Candidate>>> pending = new ArrayList<>();

	ScriptedSource(String model) {
		this.model = model;
	}

	/**
	 * Replies with one candidate per text (10 prompt tokens on the first, 5 completion
	 * tokens each).
	 */
	ScriptedSource texts(String... texts) {
		this.replies.add((request) -> {
			List<Candidate> batch = new ArrayList<>();
			for (int i = 0; i < texts.length; i++) {
				batch.add(Candidate.of(this.model, texts[i], "stop", (i == 0) ? 10 : 0, 5, Duration.ofMillis(7)));
			}
			return CompletableFuture.completedFuture(batch);
		});
		return this;
	}

	/** Replies with prepared candidates. */
	ScriptedSource candidates(Candidate... candidates) {
		this.replies.add((request) -> CompletableFuture.completedFuture(List.of(candidates)));
		return this;
	}

	/** Replies with a failure. */
	ScriptedSource fails(RuntimeException error) {
		this.replies.add((request) -> CompletableFuture.failedFuture(error));
		return this;
	}

	/** Replies with a stage that never completes on its own (a hanging backend). */
	ScriptedSource hangs() {
		this.replies.add((request) -> {
			CompletableFuture<List<Candidate>> never = new CompletableFuture<>();
			this.pending.add(never);
			return never;
		});
		return this;
	}

	/** Replies to every further call with the same texts. */
	ScriptedSource always(String text) {
		for (int i = 0; i < 64; i++) {
			this.replies.add((request) -> {
				List<Candidate> batch = new ArrayList<>();
				for (int j = 0; j < request.n(); j++) {
					batch.add(Candidate.of(this.model, text, "stop", 0, 5, Duration.ZERO));
				}
				return CompletableFuture.completedFuture(batch);
			});
		}
		return this;
	}

	@Override
	public CompletionStage<List<Candidate>> generate(GenerationRequest request) {
		this.requests.add(request);
		if (this.replies.isEmpty()) {
			throw new IllegalStateException("unscripted call " + this.requests.size() + " to " + this.model);
		}
		return this.replies.poll().apply(request);
	}

}
