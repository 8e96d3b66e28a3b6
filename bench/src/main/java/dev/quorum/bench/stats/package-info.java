// SPDX-License-Identifier: Apache-2.0
/**
 * Sample statistics for benchmark reports (percentiles, medians).
 */
package dev.quorum.bench.stats;
