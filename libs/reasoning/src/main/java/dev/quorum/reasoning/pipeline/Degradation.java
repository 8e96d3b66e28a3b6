// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

/**
 * Something that failed and was left out, while the strategy still answered.
 *
 * @param component {@code model:<name>}, {@code verifier} or {@code deadline}
 * @param reason what happened
 */
public record Degradation(String component, String reason) {
}
