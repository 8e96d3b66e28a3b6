// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.star;

/**
 * One verified self-improvement example (STaR: Zelikman et al., NeurIPS 2022): a
 * rationale that reached the gold answer, ready to be written as a JSONL line for
 * fine-tuning.
 *
 * @param question the question
 * @param rationale the generated reasoning text, as generated
 * @param answer the canonical answer it reached
 * @param model the model that generated it
 * @param verifierScore the learned verifier's score when one ran, else {@code null}
 */
public record StarRecord(String question, String rationale, String answer, String model, Double verifierScore) {
}
