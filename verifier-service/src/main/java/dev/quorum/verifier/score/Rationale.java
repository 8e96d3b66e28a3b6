// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * One GenRM-CoT verification rationale and the verdict read after it.
 *
 * @param text the sampled rationale, trailing whitespace removed
 * @param verdict the Yes/No reading after the rationale
 */
public record Rationale(String text, Verdict verdict) {
}
