// SPDX-License-Identifier: Apache-2.0
/**
 * Verifier maths and contracts: GenRM Yes/No scoring, the verifier prompt, the rule-based
 * reference verifier.
 */
package dev.quorum.reasoning.verify;
