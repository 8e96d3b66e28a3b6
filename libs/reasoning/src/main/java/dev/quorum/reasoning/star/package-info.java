// SPDX-License-Identifier: Apache-2.0
/**
 * Export of verified (question, rationale, answer) records for STaR-style
 * self-improvement.
 */
package dev.quorum.reasoning.star;
