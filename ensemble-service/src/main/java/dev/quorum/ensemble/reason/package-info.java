// SPDX-License-Identifier: Apache-2.0
/**
 * POST /v1/reason: request parsing, the per-request reasoner, the response and its SSE
 * progress events.
 */
package dev.quorum.ensemble.reason;
