// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.vote;

import dev.quorum.reasoning.canon.CanonicalAnswer;

/**
 * The candidate a best-of-N selection picked.
 *
 * @param index the ballot index of the chosen candidate
 * @param answer its canonical answer
 * @param score its score
 */
public record Selection(int index, CanonicalAnswer answer, double score) {
}
