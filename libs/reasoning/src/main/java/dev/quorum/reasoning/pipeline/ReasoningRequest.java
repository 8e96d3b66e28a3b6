// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.strategy.StrategySpec;

/**
 * One question to reason about.
 *
 * @param question the question (the last user turn)
 * @param history earlier turns, passed to the sources untouched; may be empty
 * @param spec the resolved strategy
 * @param gold the gold answer, required by the {@code reference} verifier, else
 * {@code null}
 */
public record ReasoningRequest(String question, List<Turn> history, StrategySpec spec, String gold) {

	public ReasoningRequest {
		if (question == null || question.isBlank()) {
			throw ReasoningException.invalid("question", "the question is empty");
		}
		if (spec == null) {
			throw ReasoningException.invalid(null, "a strategy specification is required");
		}
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/**
	 * A single-turn request without a gold answer.
	 * @param question the question
	 * @param spec the strategy
	 * @return the request
	 */
	public static ReasoningRequest of(String question, StrategySpec spec) {
		return new ReasoningRequest(question, List.of(), spec, null);
	}

}
