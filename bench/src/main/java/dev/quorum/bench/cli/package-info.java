// SPDX-License-Identifier: Apache-2.0
/**
 * Command-line parsing shared by the benchmark commands.
 */
package dev.quorum.bench.cli;
