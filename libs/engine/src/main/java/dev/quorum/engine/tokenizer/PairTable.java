// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Arrays;

/**
 * An open-addressing map from a pair of symbol ids to a merge rank, without boxing.
 */
final class PairTable {

	private final long[] keys; // (capacity) left << 32 | right

	private final int[] values; // (capacity) rank, -1 where empty

	private final int mask;

	PairTable(int expected) {
		int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
		this.keys = new long[capacity];
		this.values = new int[capacity];
		this.mask = capacity - 1;
		Arrays.fill(this.values, -1);
	}

	/**
	 * Stores a value unless the pair already has one (the first merge of a pair wins).
	 */
	void putIfAbsent(int left, int right, int value) {
		long key = key(left, right);
		int slot = slot(key);
		while (this.values[slot] >= 0) {
			if (this.keys[slot] == key) {
				return;
			}
			slot = (slot + 1) & this.mask;
		}
		this.keys[slot] = key;
		this.values[slot] = value;
	}

	/**
	 * Looks a pair up.
	 * @return the value, or -1
	 */
	int get(int left, int right) {
		long key = key(left, right);
		int slot = slot(key);
		while (this.values[slot] >= 0) {
			if (this.keys[slot] == key) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	private int slot(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32)) & this.mask;
	}

	private static long key(int left, int right) {
		return ((long) left << 32) | (right & 0xFFFF_FFFFL);
	}

}
