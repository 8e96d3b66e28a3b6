// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;

import dev.quorum.reasoning.ReasoningException;

/**
 * Caps a service enforces on every request; exceeding one is a 400 naming the field.
 *
 * @param maxN the most samples per model (and in total per strategy)
 * @param maxK the most CoT-decoding branches
 * @param maxModels the most models in an ensemble
 * @param maxTokens the largest {@code max_tokens}
 * @param maxTemperature the largest temperature
 * @param maxDeadline the longest deadline
 * @param maxVerifierK the most GenRM-CoT rationales
 * @param maxQuestionChars the longest question, in characters
 */
public record StrategyLimits(int maxN, int maxK, int maxModels, int maxTokens, double maxTemperature,
		Duration maxDeadline, int maxVerifierK, int maxQuestionChars) {

	/**
	 * Defaults: n 64, k 10, 8 models, 1024 tokens, temperature 2, 120 s, K 8, 16,000
	 * characters.
	 */
	public static final StrategyLimits DEFAULT = new StrategyLimits(64, 10, 8, 1024, 2.0, Duration.ofSeconds(120), 8,
			16_000);

	/**
	 * Checks a question: present, not blank, not longer than the cap.
	 * @param question the question
	 * @return the question
	 * @throws ReasoningException ({@code INVALID_REQUEST}, param {@code question})
	 */
	public String checkQuestion(String question) {
		if (question == null || question.isBlank()) {
			throw ReasoningException.invalid("question", "the question is empty");
		}
		if (question.length() > this.maxQuestionChars) {
			throw ReasoningException.invalid("question",
					"the question has " + question.length() + " characters; the cap is " + this.maxQuestionChars);
		}
		return question;
	}

}
