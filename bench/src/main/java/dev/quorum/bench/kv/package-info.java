// SPDX-License-Identifier: Apache-2.0
/**
 * {@code quorum-bench kv}: KV chunk codec, Redis throughput and hand-off time.
 */
package dev.quorum.bench.kv;
