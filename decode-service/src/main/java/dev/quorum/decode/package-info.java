// SPDX-License-Identifier: Apache-2.0
/**
 * decode-service: OpenAI-compatible generation with continuous batching; pulls prompt KV
 * from Redis (DESIGN.md, "Plain generation").
 */
package dev.quorum.decode;
