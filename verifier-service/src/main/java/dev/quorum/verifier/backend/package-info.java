// SPDX-License-Identifier: Apache-2.0
/**
 * The verifier model's backend: OpenAI {@code /v1/completions} behind the {@code decode}
 * circuit breaker.
 */
package dev.quorum.verifier.backend;
