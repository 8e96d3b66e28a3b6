// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

/**
 * What a backend can do.
 *
 * @param logprobs whether it returns token logprobs
 * @param branching whether it accepts {@code quorum_branching} on {@code /v1/completions}
 * @param maxBatch most samples per request
 * @param maxLogprobs most alternatives per token on {@code /v1/completions}
 */
record Capabilities(boolean logprobs, boolean branching, int maxBatch, int maxLogprobs) {
}
