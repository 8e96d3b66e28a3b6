// SPDX-License-Identifier: Apache-2.0
/**
 * Plurality, weighted and best-of-N selection over canonical answers.
 */
package dev.quorum.reasoning.vote;
