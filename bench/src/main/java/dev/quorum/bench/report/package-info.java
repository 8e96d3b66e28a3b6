// SPDX-License-Identifier: Apache-2.0
/**
 * Output of benchmark results: aligned text and Markdown tables, JSON files.
 */
package dev.quorum.bench.report;
