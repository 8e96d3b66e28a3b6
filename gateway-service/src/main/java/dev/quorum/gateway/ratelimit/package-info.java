// SPDX-License-Identifier: Apache-2.0
/**
 * Per-key token-bucket rate limits kept in Redis.
 */
package dev.quorum.gateway.ratelimit;
