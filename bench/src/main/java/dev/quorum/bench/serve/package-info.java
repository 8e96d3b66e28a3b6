// SPDX-License-Identifier: Apache-2.0
/**
 * {@code quorum-bench serve}: open-loop load generation against an OpenAI-compatible
 * server, with vLLM's serving metrics.
 */
package dev.quorum.bench.serve;
