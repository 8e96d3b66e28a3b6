// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.util.List;

import dev.quorum.reasoning.stats.Interval;
import dev.quorum.reasoning.stats.Stats;

/**
 * A strategy's accuracy over the questions, with its Wilson 95% interval; failed requests
 * count as wrong and are reported.
 *
 * @param label the strategy as given
 * @param questions questions asked
 * @param correct questions answered correctly
 * @param accuracy correct / questions
 * @param low lower end of the Wilson 95% interval
 * @param high upper end
 * @param meanSamples mean candidates drawn per question
 * @param meanCompletionTokens mean generated tokens per question
 * @param meanTotalTokens mean prompt plus generated tokens per question
 * @param meanLatencyMs mean time per question
 * @param wallS wall time of the strategy's whole run, seconds
 * @param errors failed requests
 * @param degraded answers with something left out
 * @param fallbacks answers from another strategy than asked (e.g. cot-decoding falling
 * back to self-consistency)
 * @param results every question
 */
public record StrategySummary(String label, int questions, int correct, double accuracy, double low, double high,
		double meanSamples, double meanCompletionTokens, double meanTotalTokens, double meanLatencyMs, double wallS,
		int errors, int degraded, int fallbacks, List<QuestionResult> results) {

	/**
	 * Summarises a strategy's results.
	 * @param label the strategy as given
	 * @param results one per question
	 * @param wallS the run's wall time
	 * @param asked the strategy's wire name, to count fallbacks
	 * @return the summary
	 */
	public static StrategySummary of(String label, List<QuestionResult> results, double wallS, String asked) {
		int n = results.size();
		int correct = (int) results.stream().filter(QuestionResult::correct).count();
		Interval ci = (n > 0) ? Stats.wilson95(correct, n) : new Interval(Double.NaN, Double.NaN);
		List<QuestionResult> ok = results.stream().filter((r) -> r.error() == null).toList();
		return new StrategySummary(label, n, correct, (n > 0) ? correct / (double) n : Double.NaN, ci.lower(),
				ci.upper(), ok.stream().mapToInt(QuestionResult::samplesUsed).average().orElse(Double.NaN),
				ok.stream().mapToLong(QuestionResult::completionTokens).average().orElse(Double.NaN),
				ok.stream().mapToLong((r) -> r.promptTokens() + r.completionTokens()).average().orElse(Double.NaN),
				ok.stream().mapToDouble(QuestionResult::latencyMs).average().orElse(Double.NaN), wallS, n - ok.size(),
				(int) ok.stream().filter(QuestionResult::degraded).count(),
				(int) ok.stream().filter((r) -> !asked.equals(r.strategyApplied())).count(), results);
	}

	/**
	 * Paired comparison with another strategy on the same questions (exact McNemar).
	 * @param baseline the other strategy
	 * @return wins (only this one right), losses (only the baseline right), p-value
	 */
	public Paired against(StrategySummary baseline) {
		int wins = 0;
		int losses = 0;
		int n = Math.min(this.results.size(), baseline.results.size());
		for (int i = 0; i < n; i++) {
			boolean mine = this.results.get(i).correct();
			boolean theirs = baseline.results.get(i).correct();
			wins += (mine && !theirs) ? 1 : 0;
			losses += (!mine && theirs) ? 1 : 0;
		}
		return new Paired(this.label, baseline.label, wins, losses, Stats.mcnemarExact(wins, losses));
	}

	/**
	 * A paired comparison.
	 *
	 * @param strategy the strategy
	 * @param baseline what it is compared with
	 * @param wins questions only the strategy got right
	 * @param losses questions only the baseline got right
	 * @param p exact McNemar p-value
	 */
	public record Paired(String strategy, String baseline, int wins, int losses, double p) {
	}

}
