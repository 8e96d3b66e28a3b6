// SPDX-License-Identifier: Apache-2.0
/**
 * Canonical forms of answers (numbers, choice letters, text) and answer equivalence.
 */
package dev.quorum.reasoning.canon;
