// SPDX-License-Identifier: Apache-2.0
/**
 * prefill-service: Computes the KV cache of prompt chunks and writes it to Redis for
 * decode-service (DESIGN.md, "Prefill").
 */
package dev.quorum.prefill;
