// SPDX-License-Identifier: Apache-2.0
/**
 * Statistics for the accuracy benchmark: Wilson intervals and exact McNemar tests.
 */
package dev.quorum.reasoning.stats;
