// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Arrays;

/**
 * A growable list of ints, for collecting token ids without boxing.
 */
final class IntList {

	private int[] items = new int[16];

	private int size;

	void add(int item) {
		if (this.size == this.items.length) {
			this.items = Arrays.copyOf(this.items, this.size * 2);
		}
		this.items[this.size++] = item;
	}

	void addAll(int[] more) {
		if (this.size + more.length > this.items.length) {
			this.items = Arrays.copyOf(this.items, Math.max(this.items.length * 2, this.size + more.length));
		}
		System.arraycopy(more, 0, this.items, this.size, more.length);
		this.size += more.length;
	}

	int[] toArray() {
		return Arrays.copyOf(this.items, this.size);
	}

}
