// SPDX-License-Identifier: Apache-2.0
/**
 * KV chunks of the served models in Redis: keys, reads and writes between the engine's
 * arrays and the stored blobs.
 */
package dev.quorum.serving.kv;
