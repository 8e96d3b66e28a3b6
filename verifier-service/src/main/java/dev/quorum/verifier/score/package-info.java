// SPDX-License-Identifier: Apache-2.0
/**
 * Scoring: GenRM direct and GenRM-CoT over the verifier model, and the rule-based
 * reference verifier.
 */
package dev.quorum.verifier.score;
