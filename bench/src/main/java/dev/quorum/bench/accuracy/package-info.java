// SPDX-License-Identifier: Apache-2.0
/**
 * {@code quorum-bench accuracy}: reasoning strategies on held-out questions through
 * {@code POST /v1/reason}.
 */
package dev.quorum.bench.accuracy;
