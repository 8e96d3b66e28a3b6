// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;

import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * The reasoned answer with its evidence.
 * <p>
 * Confidence, by strategy applied: greedy and cot: the answer-span probability margin
 * when the source returned token probabilities, else 1 for a parsed answer;
 * self-consistency: the agreement (leader count over parsed samples); verified-vote and
 * ensemble: the leader's share of the total weight; best-of-n: the chosen candidate's
 * verifier score; cot-decoding: the chosen branch's margin Δ (aggregated: the winning
 * answer's share of the summed margins). Always 0 when no answer was parsed.
 *
 * @param answer the canonical answer key, {@code null} when no candidate had a parsable
 * answer
 * @param chosen the index of the candidate whose text answers the request (the chat
 * facade's content); the first candidate when nothing was parsed; -1 only without
 * candidates
 * @param confidence see above, in [0, 1]
 * @param votes the answer distribution (count and weight per answer)
 * @param candidates every candidate, in vote order
 * @param usage tokens per model, in first-use order
 * @param samplesUsed candidates drawn
 * @param samplesSaved samples early stopping did not draw
 * @param strategyApplied the strategy that produced the answer
 * @param degradedFrom the requested strategy when another one was applied, else
 * {@code null}
 * @param degraded what failed and was left out
 * @param stop the last stopping decision of a sampling loop, {@code null} when none ran
 * @param timings where the time went
 */
public record ReasoningResult(String answer, int chosen, double confidence, VoteTally votes,
		List<CandidateResult> candidates, List<ModelUsage> usage, int samplesUsed, int samplesSaved,
		Strategy strategyApplied, Strategy degradedFrom, List<Degradation> degraded, StopDecision stop,
		Timings timings) {

	public ReasoningResult {
		candidates = List.copyOf(candidates);
		usage = List.copyOf(usage);
		degraded = List.copyOf(degraded);
	}

	/**
	 * The chosen candidate.
	 * @return the candidate, or {@code null} without candidates
	 */
	public CandidateResult chosenCandidate() {
		return (this.chosen >= 0) ? this.candidates.get(this.chosen) : null;
	}

}
