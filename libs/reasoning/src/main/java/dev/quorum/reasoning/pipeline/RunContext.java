// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.Extraction;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.ReferenceVerifier;
import dev.quorum.reasoning.verify.Verifier;
import dev.quorum.reasoning.vote.VoteTally;
import dev.quorum.reasoning.vote.Voting;

/**
 * The state of one request while a strategy runs: the candidates that arrived (with their
 * extracted answers), usage, degradations, timings and the deadline. Candidates may
 * arrive on any thread, so the mutable state is guarded by this object's monitor.
 */
final class RunContext {

	private final ReasoningRequest request;

	private final ReasoningServices services;

	private final ProgressListener listener;

	private final AnswerExtractor extractor;

	private final Voting voting;

	private final long start;

	private final CompletableFuture<Void> deadline = new CompletableFuture<>();

	private final List<CandidateResult> results = new ArrayList<>();

	private final Map<Integer, Map<String, Double>> scores = new HashMap<>();

	private final Map<String, long[]> usage = new LinkedHashMap<>(); // model -> (samples,
																		// prompt,
																		// completion)

	private final List<Degradation> degraded = new ArrayList<>();

	private long generationStart = -1;

	private long generationEnd = -1;

	private long verificationNanos;

	RunContext(ReasoningRequest request, ReasoningServices services, ProgressListener listener) {
		this.request = request;
		this.services = services;
		this.listener = listener;
		this.extractor = new AnswerExtractor(request.spec().answerFormat());
		this.voting = new Voting(services.canonicalizer());
		this.start = services.nanoTime().getAsLong();
		services.timer().after(request.spec().deadline()).whenComplete((v, e) -> this.deadline.complete(null));
	}

	StrategySpec spec() {
		return this.request.spec();
	}

	Canonicalizer canonicalizer() {
		return this.services.canonicalizer();
	}

	Voting voting() {
		return this.voting;
	}

	AnswerExtractor extractor() {
		return this.extractor;
	}

	ProgressListener listener() {
		return this.listener;
	}

	/** A generation request for a model in the spec's prompt style. */
	GenerationRequest request(ModelSpec model, int n, double temperature, int topLogprobs, int branches) {
		String prompt = this.services.prompts().render(model.name(), spec().promptStyle(), this.request.question());
		return new GenerationRequest(model.name(), prompt, this.request.question(), this.request.history(), n,
				temperature, spec().maxTokens(), topLogprobs, branches);
	}

	/**
	 * Asks the model's source for a batch; fails with {@link DeadlinePassed} when time is
	 * up first.
	 */
	CompletableFuture<List<Candidate>> generate(GenerationRequest request) {
		synchronized (this) {
			if (this.generationStart < 0) {
				this.generationStart = this.services.nanoTime().getAsLong();
			}
		}
		return race(() -> source(request.model()).generate(request).toCompletableFuture());
	}

	/**
	 * Scores candidates with the spec's verifier; fails with {@link DeadlinePassed} when
	 * time is up first.
	 */
	CompletableFuture<List<Double>> verify(List<CandidateResult> candidates) {
		long t0 = this.services.nanoTime().getAsLong();
		List<String> texts = candidates.stream().map((c) -> c.candidate().text()).toList();
		Verifier verifier = verifier();
		return race(() -> verifier.score(this.request.question(), texts).toCompletableFuture()).thenApply((scores) -> {
			if (scores.size() != texts.size()) {
				throw new IllegalStateException(
						"the verifier returned " + scores.size() + " scores for " + texts.size() + " solutions");
			}
			return scores.stream().map((s) -> s.signal() ? s.score() : Double.NaN).toList();
		}).whenComplete((s, e) -> {
			synchronized (this) {
				this.verificationNanos += this.services.nanoTime().getAsLong() - t0;
			}
		});
	}

	/**
	 * Fails fast, before any generation, on unknown models, verifiers or a missing gold
	 * answer.
	 */
	void checkResources() {
		for (int i = 0; i < spec().models().size(); i++) {
			source(spec().models().get(i).name());
		}
		if (spec().verifier() != null) {
			verifier();
		}
	}

	private CandidateSource source(String model) {
		CandidateSource source = this.services.sources().apply(model);
		if (source == null) {
			throw new ReasoningException(ReasoningException.Kind.NOT_FOUND, "models", "unknown model '" + model + "'");
		}
		return source;
	}

	private Verifier verifier() {
		VerifierSpec spec = spec().verifier();
		if (spec.method() == VerifierMethod.REFERENCE) {
			if (this.request.gold() == null || this.request.gold().isBlank()) {
				throw ReasoningException.invalid("gold", "the reference verifier needs a gold answer");
			}
			return new ReferenceVerifier(this.request.gold(), this.extractor, canonicalizer());
		}
		Verifier verifier = this.services.verifiers().apply(spec);
		if (verifier == null) {
			throw new ReasoningException(ReasoningException.Kind.NOT_FOUND, "verifier.model",
					"unknown verifier model '" + spec.model() + "'");
		}
		return verifier;
	}

	private <T> CompletableFuture<T> race(Supplier<CompletableFuture<T>> call) {
		if (this.deadline.isDone()) {
			return CompletableFuture.failedFuture(new DeadlinePassed());
		}
		CompletableFuture<T> work;
		try {
			work = call.get();
		}
		catch (RuntimeException ex) {
			work = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<T> raced = new CompletableFuture<>();
		CompletableFuture<T> running = work;
		running.whenComplete((value, error) -> {
			if (error != null) {
				raced.completeExceptionally(unwrap(error));
			}
			else if (value == null) {
				raced.completeExceptionally(new IllegalStateException("the backend returned nothing"));
			}
			else {
				raced.complete(value);
			}
		});
		this.deadline.whenComplete((v, e) -> {
			if (raced.completeExceptionally(new DeadlinePassed())) {
				running.cancel(true);
			}
		});
		return raced;
	}

	/**
	 * Records arrived candidates (extraction, canonical answer, usage) and notifies the
	 * listener.
	 */
	List<CandidateResult> accept(List<Candidate> batch) {
		List<CandidateResult> added = new ArrayList<>();
		synchronized (this) {
			for (Candidate c : batch) {
				Extraction e = this.extractor.extract(c.text());
				CanonicalAnswer answer = e.parsed() ? canonicalizer().canonicalize(e.answer()) : null;
				CandidateResult r = new CandidateResult(this.results.size(), c, e, answer, Map.of());
				this.results.add(r);
				added.add(r);
				long[] u = this.usage.computeIfAbsent(c.model(), (m) -> new long[3]);
				u[0]++;
				u[1] += c.promptTokens();
				u[2] += c.completionTokens();
			}
			this.generationEnd = this.services.nanoTime().getAsLong();
		}
		added.forEach((r) -> notify(() -> this.listener.candidate(r)));
		return added;
	}

	synchronized List<CandidateResult> results() {
		return List.copyOf(this.results);
	}

	synchronized List<CanonicalAnswer> answers() {
		return this.results.stream().map(CandidateResult::answer).toList();
	}

	VoteTally plurality() {
		return this.voting.plurality(answers());
	}

	synchronized void score(int index, String name, double value) {
		this.scores.computeIfAbsent(index, (i) -> new LinkedHashMap<>()).put(name, value);
	}

	synchronized void degrade(String component, String reason) {
		this.degraded.add(new Degradation(component, reason));
	}

	boolean deadlinePassed() {
		return this.deadline.isDone();
	}

	static void notify(Runnable event) {
		try {
			event.run();
		}
		catch (RuntimeException ex) {
			// a failing progress stream must not fail the answer
		}
	}

	static Throwable unwrap(Throwable error) {
		Throwable e = error;
		while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
			e = e.getCause();
		}
		return e;
	}

	static String describe(Throwable error) {
		Throwable e = unwrap(error);
		String message = e.getMessage();
		return e.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/** Builds the result from what arrived and the strategy's outcome. */
	synchronized ReasoningResult finish(Outcome outcome) {
		List<CandidateResult> candidates = new ArrayList<>();
		for (CandidateResult r : this.results) {
			candidates.add(new CandidateResult(r.index(), r.candidate(), r.extraction(), r.answer(),
					this.scores.getOrDefault(r.index(), Map.of())));
		}
		List<ModelUsage> usages = new ArrayList<>();
		this.usage.forEach((model, u) -> usages.add(new ModelUsage(model, (int) u[0], u[1], u[2])));
		long now = this.services.nanoTime().getAsLong();
		Duration generation = Duration.ofNanos(
				(this.generationStart < 0 || this.generationEnd < 0) ? 0 : this.generationEnd - this.generationStart);
		Timings timings = new Timings(Duration.ofNanos(now - this.start), generation,
				Duration.ofNanos(this.verificationNanos));
		int chosen = (outcome.chosen() >= 0) ? outcome.chosen() : (candidates.isEmpty() ? -1 : 0);
		String answer = (outcome.answer() != null) ? outcome.answer().key() : null;
		double confidence = (answer != null) ? outcome.confidence() : 0;
		return new ReasoningResult(answer, chosen, confidence, outcome.votes(), candidates, usages, candidates.size(),
				outcome.samplesSaved(), outcome.applied(), outcome.degradedFrom(), this.degraded, outcome.stop(),
				timings);
	}

	/** The deadline passed before the awaited stage completed. */
	static final class DeadlinePassed extends RuntimeException {

		DeadlinePassed() {
			super("the deadline passed", null, false, false);
		}

	}

}
