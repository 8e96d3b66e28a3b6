// SPDX-License-Identifier: Apache-2.0
/**
 * Candidate sources: the local models of decode-service and external OpenAI-compatible
 * backends, each behind its own circuit breaker, time limit and bulkhead.
 */
package dev.quorum.ensemble.backend;
