// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.backend.ModelCatalog;
import dev.quorum.ensemble.backend.RequestScope;
import dev.quorum.ensemble.verify.VerifierClient;
import dev.quorum.openai.ApiException;
import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.cotdecoding.MarginRule;
import dev.quorum.reasoning.pipeline.DeadlineTimer;
import dev.quorum.reasoning.pipeline.ProgressListener;
import dev.quorum.reasoning.pipeline.Reasoner;
import dev.quorum.reasoning.pipeline.ReasoningRequest;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.pipeline.ReasoningServices;
import dev.quorum.reasoning.pipeline.Turn;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopRule;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.strategy.StrategyDefaults;
import dev.quorum.reasoning.strategy.StrategyLimits;
import dev.quorum.reasoning.strategy.StrategyOverrides;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.Verifier;
import reactor.core.publisher.Mono;

/**
 * Runs the reasoning library for one request: resolves the request's options against the
 * configured defaults and caps into an immutable {@link StrategySpec}, then builds a
 * {@link Reasoner} over sources bound to the request (its id, seed and CoT-decoding
 * floor) and runs it. Cancelling the returned {@code Mono} (a client that went away)
 * fires the request's deadline at once, which cancels the backend calls still running.
 */
public final class Reasoning {

	private final ModelCatalog catalog;

	private final VerifierClient verifier;

	private final Settings settings;

	private final List<String> verifierModels;

	private final ReasoningMetrics metrics;

	Reasoning(ModelCatalog catalog, VerifierClient verifier, EnsembleProperties properties, ReasoningMetrics metrics) {
		this.catalog = catalog;
		this.verifier = verifier;
		this.settings = Settings.of(properties);
		this.verifierModels = properties.verifier().models();
		this.metrics = metrics;
	}

	Settings settings() {
		return this.settings;
	}

	/**
	 * Resolves a request into a validated call.
	 * @param question the question (the last user turn)
	 * @param history earlier turns
	 * @param options what the request set
	 * @param gold the gold answer, or null
	 * @param modelParam the request field that names the models, for 404s
	 * @return the call
	 * @throws ApiException 400 or 404 naming the field
	 */
	public Call resolve(String question, List<Turn> history, StrategyOptions options, String gold, String modelParam) {
		try {
			String checked = this.settings.limits().checkQuestion(question);
			List<ModelSpec> models = new ArrayList<>();
			List<StrategyOptions.ModelRef> refs = (options.models() != null) ? options.models()
					: List.of(new StrategyOptions.ModelRef(this.settings.defaults().model(), null, null));
			for (StrategyOptions.ModelRef ref : refs) {
				if (!this.catalog.contains(ref.name())) {
					throw Errors.notFound(modelParam, "The model '" + ref.name() + "' does not exist; known models: "
							+ String.join(", ", this.catalog.names()));
				}
				ModelSpec configured = this.catalog.spec(ref.name());
				models.add(new ModelSpec(ref.name(), (ref.weight() != null) ? ref.weight() : configured.weight(),
						(ref.n() != null) ? ref.n() : configured.n()));
			}
			StrategyOverrides overrides = new StrategyOverrides(options.strategy(), options.n(), models,
					options.temperature(), options.maxTokens(), options.promptStyle(), options.answerFormat(),
					options.verifier(), options.earlyStop(), options.deadline(), options.cotDecoding());
			StrategySpec spec = this.settings.defaults().resolve(overrides, this.settings.limits());
			checkVerifier(spec.verifier(), gold);
			return new Call(checked, history, spec, gold, options.seed());
		}
		catch (ReasoningException ex) {
			throw (ApiException) Errors.api(ex);
		}
	}

	private void checkVerifier(VerifierSpec spec, String gold) {
		if (spec == null) {
			return;
		}
		if (spec.method() == VerifierMethod.REFERENCE) {
			if (gold == null || gold.isBlank()) {
				throw ApiException.invalidRequest("gold", "the reference verifier needs a gold answer in 'gold'");
			}
		}
		else if (!knownVerifier(spec.model())) {
			throw Errors.notFound("verifier.model", "The verifier model '" + spec.model() + "' does not exist");
		}
	}

	private boolean knownVerifier(String model) {
		return this.catalog.contains(model) || this.verifierModels.contains(model);
	}

	/**
	 * Runs a call.
	 * @param call the resolved call
	 * @param listener progress events
	 * @param requestId the request id passed to the backends
	 * @param endpoint {@code reason} or {@code chat}, for metrics
	 * @return the result; errors are {@link ApiException}s
	 */
	public Mono<ReasoningResult> run(Call call, ProgressListener listener, String requestId, String endpoint) {
		return Mono.defer(() -> {
			CompletableFuture<Void> cancelled = new CompletableFuture<>();
			DeadlineTimer wallClock = DeadlineTimer.system();
			DeadlineTimer timer = (delay) -> CompletableFuture
				.anyOf(wallClock.after(delay).toCompletableFuture(), cancelled)
				.thenApply((ignored) -> null);
			RequestScope scope = new RequestScope(requestId, call.seed(), call.spec().cotDecoding().firstTokenFloor());
			ReasoningServices services = new ReasoningServices((name) -> this.catalog.source(name, scope),
					(spec) -> verifier(spec, requestId), timer, System::nanoTime, this.catalog.prompts(),
					Canonicalizer.standard());
			ReasoningRequest request = new ReasoningRequest(call.question(), call.history(), call.spec(), call.gold());
			long start = System.nanoTime();
			return Mono.fromCompletionStage(new Reasoner(services).reason(request, listener))
				.doOnNext((result) -> this.metrics.success(call.spec(), endpoint, result, start))
				.doOnError((error) -> this.metrics.failure(call.spec(), endpoint, error, start))
				.doOnCancel(() -> {
					cancelled.complete(null);
					this.metrics.cancelled(call.spec(), endpoint, start);
				})
				.onErrorMap(Errors::api);
		});
	}

	private Verifier verifier(VerifierSpec spec, String requestId) {
		return knownVerifier(spec.model()) ? this.verifier.verifier(spec, requestId) : null;
	}

	/**
	 * A resolved request: immutable, its own configuration.
	 *
	 * @param question the question
	 * @param history earlier turns
	 * @param spec the strategy
	 * @param gold the gold answer, or null
	 * @param seed the sampling seed, or null
	 */
	public record Call(String question, List<Turn> history, StrategySpec spec, String gold, Long seed) {

		public Call {
			history = List.copyOf(history);
		}

	}

	/**
	 * The service's defaults and caps, in the library's types.
	 *
	 * @param defaults the strategy defaults
	 * @param limits the caps
	 * @param verifierModel the default verifier model
	 * @param verifierK the default GenRM-CoT rationales
	 */
	record Settings(StrategyDefaults defaults, StrategyLimits limits, String verifierModel, int verifierK) {

		static Settings of(EnsembleProperties properties) {
			EnsembleProperties.Defaults d = properties.defaults();
			EnsembleProperties.Limits l = properties.limits();
			Strategy strategy = Strategy.find(d.strategy());
			if (strategy == null) {
				throw new IllegalArgumentException("quorum.ensemble.defaults.strategy: unknown strategy '"
						+ d.strategy() + "'; expected one of " + Strategy.known());
			}
			EarlyStop stop = new EarlyStop(StopRule.parse(d.stopRule()), d.minSamples(), d.waveSize(),
					d.stopConfidence());
			StrategyDefaults defaults = new StrategyDefaults(strategy, d.model(), d.n(), d.k(), d.ensembleN(),
					d.temperature(), d.maxTokens(), VerifierSpec.genrm(d.verifierModel()), stop, d.deadline(),
					new CotDecodingOptions(d.cotFloor(), false, MarginRule.ANSWER_SPAN));
			StrategyLimits limits = new StrategyLimits(l.maxN(), l.maxK(), l.maxModels(), l.maxTokens(), 2.0,
					l.maxDeadline(), l.maxVerifierK(), l.maxQuestionChars());
			return new Settings(defaults, limits, d.verifierModel(), Math.min(4, l.maxVerifierK()));
		}

		EarlyStop earlyStop() {
			return this.defaults.earlyStop();
		}

		CotDecodingOptions cotDecoding() {
			return this.defaults.cotDecoding();
		}

	}

}
