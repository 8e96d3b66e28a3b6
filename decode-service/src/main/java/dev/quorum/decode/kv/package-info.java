// SPDX-License-Identifier: Apache-2.0
/**
 * Where a prompt's KV comes from: the engine's own prefix cache, Redis, prefill-service,
 * or a local prefill.
 */
package dev.quorum.decode.kv;
