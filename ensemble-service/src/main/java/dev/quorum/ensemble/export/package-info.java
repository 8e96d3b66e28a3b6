// SPDX-License-Identifier: Apache-2.0
/**
 * STaR export: verified (question, rationale, answer) records as JSONL, per request and
 * in batches.
 */
package dev.quorum.ensemble.export;
