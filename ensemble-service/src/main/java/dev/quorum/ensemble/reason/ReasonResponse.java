// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.reasoning.pipeline.CandidateResult;
import dev.quorum.reasoning.pipeline.ModelUsage;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.StrategySpec;
import dev.quorum.reasoning.vote.VoteEntry;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * The body of {@code POST /v1/reason} (and the {@code final} event of its stream). The
 * shapes are documented in {@code docs/api.md}, section "Reasoning".
 *
 * @param id {@code rsn-...}
 * @param object always {@code reasoning.result}
 * @param created Unix seconds
 * @param strategy the strategy asked for
 * @param strategyApplied the strategy that produced the answer
 * @param degradedFrom the strategy asked for when another was applied, else null
 * @param models the models asked
 * @param answer the canonical answer, null when no candidate had one
 * @param confidence in [0, 1]; its meaning depends on the strategy applied
 * @param votes answer to count and weight, leader first
 * @param unparsed candidates without a parsable answer
 * @param chosen the index of the candidate whose text answers
 * @param candidates every candidate, in vote order
 * @param usage tokens, in total and per model
 * @param samplesUsed candidates drawn
 * @param samplesSaved samples adaptive stopping did not draw
 * @param stop the last stopping decision, or null
 * @param timings where the time went, in milliseconds
 * @param degraded what failed and was left out
 * @param export the accepted STaR records, when asked for
 */
@JsonInclude(Include.NON_NULL)
public record ReasonResponse(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("created") long created, @JsonProperty("strategy") String strategy,
		@JsonProperty("strategy_applied") String strategyApplied,
		@JsonProperty("degraded_from") @JsonInclude(Include.ALWAYS) String degradedFrom,
		@JsonProperty("models") List<String> models, @JsonProperty("answer") @JsonInclude(Include.ALWAYS) String answer,
		@JsonProperty("confidence") double confidence, @JsonProperty("votes") Map<String, Vote> votes,
		@JsonProperty("unparsed") int unparsed, @JsonProperty("chosen") int chosen,
		@JsonProperty("candidates") List<CandidateView> candidates, @JsonProperty("usage") Usage usage,
		@JsonProperty("samples_used") int samplesUsed, @JsonProperty("samples_saved") int samplesSaved,
		@JsonProperty("stop") Stop stop, @JsonProperty("timings") Timings timings,
		@JsonProperty("degraded") List<Degraded> degraded, @JsonProperty("export") ExportView export) {

	/** The value of {@code object}. */
	public static final String OBJECT = "reasoning.result";

	/**
	 * The response for a result.
	 * @param id the response id
	 * @param created Unix seconds
	 * @param spec the strategy that ran
	 * @param result the result
	 * @return the response, without export
	 */
	public static ReasonResponse of(String id, long created, StrategySpec spec, ReasoningResult result) {
		List<CandidateView> candidates = result.candidates().stream().map((c) -> CandidateView.of(c, true)).toList();
		long prompt = result.usage().stream().mapToLong(ModelUsage::promptTokens).sum();
		long completion = result.usage().stream().mapToLong(ModelUsage::completionTokens).sum();
		List<ModelUsageView> perModel = result.usage()
			.stream()
			.map((u) -> new ModelUsageView(u.model(), u.samples(), u.promptTokens(), u.completionTokens()))
			.toList();
		StopDecision s = result.stop();
		return new ReasonResponse(id, OBJECT, created, spec.strategy().wireName(), result.strategyApplied().wireName(),
				(result.degradedFrom() != null) ? result.degradedFrom().wireName() : null,
				spec.models().stream().map((m) -> m.name()).toList(), result.answer(), result.confidence(),
				votes(result.votes()), (result.votes() != null) ? result.votes().unparsed() : 0, result.chosen(),
				candidates, new Usage(prompt, completion, prompt + completion, perModel), result.samplesUsed(),
				result.samplesSaved(), (s != null) ? new Stop(s.reason(), s.early(), finite(s.probability())) : null,
				new Timings(millis(result.timings().total()), millis(result.timings().generation()),
						millis(result.timings().verification())),
				result.degraded().stream().map((d) -> new Degraded(d.component(), d.reason())).toList(), null);
	}

	/**
	 * This response with the export field.
	 * @param export the export
	 * @return the copy
	 */
	public ReasonResponse withExport(ExportView export) {
		return new ReasonResponse(this.id, this.object, this.created, this.strategy, this.strategyApplied,
				this.degradedFrom, this.models, this.answer, this.confidence, this.votes, this.unparsed, this.chosen,
				this.candidates, this.usage, this.samplesUsed, this.samplesSaved, this.stop, this.timings,
				this.degraded, export);
	}

	static Map<String, Vote> votes(VoteTally tally) {
		Map<String, Vote> votes = new LinkedHashMap<>();
		if (tally != null) {
			for (VoteEntry e : tally.entries()) {
				votes.put(e.answer().key(), new Vote(e.count(), e.weight()));
			}
		}
		return votes;
	}

	private static double millis(java.time.Duration d) {
		return d.toNanos() / 1e6;
	}

	static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/**
	 * One answer's share.
	 *
	 * @param count ballots for it
	 * @param weight their summed weight
	 */
	public record Vote(@JsonProperty("count") int count, @JsonProperty("weight") double weight) {
	}

	/**
	 * One candidate.
	 *
	 * @param index its position
	 * @param model the model that generated it
	 * @param text the reasoning and answer as generated
	 * @param answer the extracted answer, as written; null when unparsed
	 * @param canonicalAnswer the canonical answer it votes for; null when unparsed
	 * @param extraction the rule that found the answer
	 * @param scores {@code verifier}, {@code weight}, {@code delta}, {@code path_margin},
	 * {@code first_token_p}, where they apply
	 * @param tokens completion tokens
	 * @param latencyMs time from the request to the backend's answer
	 * @param finishReason {@code stop} or {@code length}
	 */
	@JsonInclude(Include.NON_NULL)
	public record CandidateView(@JsonProperty("index") int index, @JsonProperty("model") String model,
			@JsonProperty("text") String text, @JsonProperty("answer") @JsonInclude(Include.ALWAYS) String answer,
			@JsonProperty("canonical_answer") @JsonInclude(Include.ALWAYS) String canonicalAnswer,
			@JsonProperty("extraction") String extraction, @JsonProperty("scores") Map<String, Double> scores,
			@JsonProperty("tokens") int tokens, @JsonProperty("latency_ms") double latencyMs,
			@JsonProperty("finish_reason") String finishReason) {

		static CandidateView of(CandidateResult c, boolean withScores) {
			Map<String, Double> scores = null;
			if (withScores) {
				scores = new LinkedHashMap<>();
				for (Map.Entry<String, Double> e : new java.util.TreeMap<>(c.scores()).entrySet()) {
					if (Double.isFinite(e.getValue())) {
						scores.put(e.getKey(), e.getValue());
					}
				}
			}
			return new CandidateView(c.index(), c.candidate().model(), c.candidate().text(), c.extraction().answer(),
					(c.answer() != null) ? c.answer().key() : null,
					c.extraction().method().name().toLowerCase(java.util.Locale.ROOT), scores,
					c.candidate().completionTokens(), millis(c.candidate().latency()), c.candidate().finishReason());
		}

	}

	/**
	 * Token usage.
	 *
	 * @param promptTokens prompt tokens billed, all models
	 * @param completionTokens completion tokens, all models
	 * @param totalTokens their sum
	 * @param models per model, in first-use order
	 */
	public record Usage(@JsonProperty("prompt_tokens") long promptTokens,
			@JsonProperty("completion_tokens") long completionTokens, @JsonProperty("total_tokens") long totalTokens,
			@JsonProperty("models") List<ModelUsageView> models) {
	}

	/**
	 * One model's usage.
	 *
	 * @param model the model
	 * @param samples candidates it returned
	 * @param promptTokens prompt tokens billed
	 * @param completionTokens completion tokens
	 */
	public record ModelUsageView(@JsonProperty("model") String model, @JsonProperty("samples") int samples,
			@JsonProperty("prompt_tokens") long promptTokens,
			@JsonProperty("completion_tokens") long completionTokens) {
	}

	/**
	 * The last stopping decision.
	 *
	 * @param reason {@code max_samples}, {@code lead}, {@code beta}, {@code dirichlet},
	 * {@code deadline} or {@code backend_failed}
	 * @param early whether it saved samples
	 * @param probability the rule's posterior probability, null when not computed
	 */
	public record Stop(@JsonProperty("reason") String reason, @JsonProperty("early") boolean early,
			@JsonProperty("probability") Double probability) {
	}

	/**
	 * Where the time went.
	 *
	 * @param totalMs from the start to the result
	 * @param generationMs from the first generation request to the last arrival
	 * @param verificationMs waiting for the verifier
	 */
	public record Timings(@JsonProperty("total_ms") double totalMs, @JsonProperty("generation_ms") double generationMs,
			@JsonProperty("verification_ms") double verificationMs) {
	}

	/**
	 * Something that failed and was left out.
	 *
	 * @param component {@code model:<name>}, {@code verifier}, {@code deadline} or
	 * {@code cot-decoding}
	 * @param reason what happened
	 */
	public record Degraded(@JsonProperty("component") String component, @JsonProperty("reason") String reason) {
	}

	/**
	 * The STaR export of one request.
	 *
	 * @param accepted the accepted records
	 * @param file the file they were appended to, or null when none is configured
	 */
	public record ExportView(@JsonProperty("accepted") List<?> accepted, @JsonProperty("file") String file) {
	}

}
