// SPDX-License-Identifier: Apache-2.0
/**
 * The benchmark command line ({@code java -jar quorum-bench.jar <command>}).
 */
package dev.quorum.bench;
