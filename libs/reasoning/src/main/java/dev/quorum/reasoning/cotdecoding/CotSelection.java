// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * The branch CoT-decoding chose.
 *
 * @param branch the chosen branch index
 * @param answer its canonical answer
 * @param confidence max path: the chosen branch's margin; aggregated: the winning
 * answer's summed margin over the summed margin of all eligible branches
 * @param tally the margins summed per answer over the eligible branches (weights are
 * margins)
 */
public record CotSelection(int branch, CanonicalAnswer answer, double confidence, VoteTally tally) {
}
