// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

/**
 * One question under one strategy.
 *
 * @param id the question's id
 * @param gold the gold answer
 * @param answer the strategy's canonical answer, or null
 * @param correct whether it is equivalent to the gold answer
 * @param samplesUsed candidates drawn
 * @param promptTokens prompt tokens over all calls
 * @param completionTokens generated tokens over all calls
 * @param latencyMs time of the {@code /v1/reason} call
 * @param strategyApplied the strategy that produced the answer (differs after a fallback)
 * @param degraded whether something was left out ({@code degraded} not empty)
 * @param error the HTTP error, or null
 */
public record QuestionResult(String id, String gold, String answer, boolean correct, int samplesUsed, long promptTokens,
		long completionTokens, double latencyMs, String strategyApplied, boolean degraded, String error) {
}
