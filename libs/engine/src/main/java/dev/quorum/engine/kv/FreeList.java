// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

/**
 * The free KV blocks in the order they were freed (an intrusive doubly linked list over
 * block ids): blocks are handed out oldest-freed first, so recently freed blocks keep
 * their prefix-cache entries longest, and a cache hit can take a block out of the middle
 * in O(1). The size may be read from any thread.
 */
final class FreeList {

	private static final int NONE = -1;

	private final int[] prev;

	private final int[] next;

	private int head = NONE;

	private int tail = NONE;

	private volatile int size;

	/** A list holding every block {@code 0..blocks-1}. */
	FreeList(int blocks) {
		this.prev = new int[blocks];
		this.next = new int[blocks];
		for (int b = 0; b < blocks; b++) {
			add(b);
		}
	}

	int size() {
		return this.size;
	}

	/** Appends a block (the most recently freed). */
	void add(int b) {
		this.prev[b] = this.tail;
		this.next[b] = NONE;
		if (this.tail != NONE) {
			this.next[this.tail] = b;
		}
		else {
			this.head = b;
		}
		this.tail = b;
		this.size++;
	}

	/** Removes and returns the oldest block. */
	int take() {
		int b = this.head;
		if (b == NONE) {
			throw new IllegalStateException("no free KV block");
		}
		remove(b);
		return b;
	}

	/** Removes a block that is in the list. */
	void remove(int b) {
		int p = this.prev[b];
		int n = this.next[b];
		if (p != NONE) {
			this.next[p] = n;
		}
		else {
			this.head = n;
		}
		if (n != NONE) {
			this.prev[n] = p;
		}
		else {
			this.tail = p;
		}
		this.size--;
	}

}
