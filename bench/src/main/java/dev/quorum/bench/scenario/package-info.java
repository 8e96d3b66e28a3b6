// SPDX-License-Identifier: Apache-2.0
/**
 * {@code quorum-bench scenario}: the serving targets of issue 5, each measured side by
 * side in one run.
 */
package dev.quorum.bench.scenario;
