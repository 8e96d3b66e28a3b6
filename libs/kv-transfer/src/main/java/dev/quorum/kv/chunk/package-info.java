// SPDX-License-Identifier: Apache-2.0
/**
 * KV chunks as plain arrays and their self-describing, checksummed binary form (QKV1).
 */
package dev.quorum.kv.chunk;
