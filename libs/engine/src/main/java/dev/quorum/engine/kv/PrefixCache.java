// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which blocks hold the KV of which token prefix: full, computed blocks registered under
 * the chained hash of their tokens ({@code h_i = H(h_{i-1}, tokens of block i)}). A
 * lookup is confirmed against the stored token ids and the parent hash, so a hash
 * collision can never hand out the wrong KV. Written by the engine thread; lookups from
 * other threads (advisory queries) see a consistent map.
 */
final class PrefixCache {

	static final int NONE = -1;

	private final boolean enabled;

	private final int blockSize;

	private final long[] hash; // (blocks) registered hash or NO_HASH

	private final long[] parentHash; // (blocks) hash of the block before a registered one

	private final int[][] tokens; // (blocks) token ids of a registered block

	private final Map<Long, Integer> registered = new ConcurrentHashMap<>();

	PrefixCache(int blocks, int blockSize, boolean enabled) {
		this.enabled = enabled;
		this.blockSize = blockSize;
		this.hash = new long[blocks];
		this.parentHash = new long[blocks];
		this.tokens = new int[blocks][];
	}

	/** Chained 64-bit hash of the block of tokens at {@code from} (never NO_HASH). */
	long chain(long parent, int[] ids, int from) {
		long h = parent ^ 0x9E3779B97F4A7C15L;
		for (int i = from; i < from + this.blockSize; i++) {
			h = mix(h + ids[i]);
		}
		return (h == BlockTable.NO_HASH) ? 1 : h;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Registers block {@code b} as holding block {@code index} of {@code ids}, unless
	 * that prefix is known.
	 */
	void register(int b, long h, long parent, int[] ids, int index) {
		if (!this.enabled || this.hash[b] != BlockTable.NO_HASH || this.registered.containsKey(h)) {
			return;
		}
		this.hash[b] = h;
		this.parentHash[b] = parent;
		this.tokens[b] = Arrays.copyOfRange(ids, index * this.blockSize, (index + 1) * this.blockSize);
		this.registered.put(h, b);
	}

	/**
	 * The block holding block {@code index} of {@code ids} after the given parent, or
	 * NONE.
	 */
	int lookup(long h, long parent, int[] ids, int index) {
		if (!this.enabled) {
			return NONE;
		}
		Integer b = this.registered.get(h);
		if (b == null) {
			return NONE;
		}
		int[] stored = this.tokens[b];
		if (stored == null || this.parentHash[b] != parent || !Arrays.equals(stored, 0, this.blockSize, ids,
				index * this.blockSize, (index + 1) * this.blockSize)) {
			return NONE;
		}
		return b;
	}

	/** Drops block {@code b}'s registration (it is about to be overwritten). */
	void forget(int b) {
		if (this.hash[b] != BlockTable.NO_HASH) {
			this.registered.remove(this.hash[b], b);
			this.hash[b] = BlockTable.NO_HASH;
			this.tokens[b] = null;
		}
	}

}
