// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Raw KV chunk values by key. Every call ends within the store's timeout; on a store
 * failure it follows the {@link FailurePolicy}: {@code RECOMPUTE} answers "nothing
 * cached", {@code FAIL} signals a {@link KvStoreException}. Nothing blocks the calling
 * thread.
 */
public interface KvChunkStore {

	/**
	 * How many of the keys, from the first, exist: one pipelined round trip of
	 * {@code EXISTS}, no values transferred.
	 * @param keys chunk keys in prompt order
	 * @return the length of the longest prefix of existing keys
	 */
	Mono<Integer> longestCachedPrefix(List<String> keys);

	/**
	 * The values of the keys, from the first up to the first missing one, refreshing each
	 * hit's lifetime: one pipelined round trip of {@code GETEX key EX ttl}.
	 * @param keys chunk keys in prompt order
	 * @return the values of the longest prefix of existing keys, in order
	 */
	Mono<List<byte[]>> fetch(List<String> keys);

	/**
	 * Stores a value with {@code SET key value EX ttl}. Idempotent: a key always names
	 * the same bytes.
	 * @param key the chunk key
	 * @param value the blob
	 * @param ttl its lifetime, whole seconds
	 * @return whether it was stored ({@code false} only under {@code RECOMPUTE} after a
	 * failure)
	 */
	Mono<Boolean> store(String key, byte[] value, Duration ttl);

	/**
	 * Deletes a key, e.g. a chunk that failed verification.
	 * @param key the chunk key
	 * @return whether a key was deleted
	 */
	Mono<Boolean> delete(String key);

}
