// SPDX-License-Identifier: Apache-2.0
/**
 * JMH microbenchmarks of the engine's kernels ({@code java -jar quorum-bench.jar jmh}).
 */
package dev.quorum.bench.jmh;
