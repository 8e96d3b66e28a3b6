// SPDX-License-Identifier: Apache-2.0
/**
 * Content addresses of KV chunks: the namespace and the chained SHA-256 chunk hashes.
 */
package dev.quorum.kv.hash;
