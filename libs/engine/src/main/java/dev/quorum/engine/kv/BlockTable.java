// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.util.Arrays;

/**
 * The KV blocks of one sequence, in position order: position {@code p} lives in block
 * {@code blocks()[p / blockSize]} at offset {@code p % blockSize}. Also remembers the
 * chained hash of each leading full block once its KV is computed, so the next block's
 * hash can be chained to it. Owned by the engine thread.
 */
public final class BlockTable {

	/** Marks a block whose hash is not known (not full, or not computed yet). */
	static final long NO_HASH = 0L;

	int[] blocks = new int[8];

	long[] hashes = new long[8];

	int size;

	int hashed; // leading blocks whose hash is known

	/**
	 * The block ids; entries at {@code [size(), length)} are unused.
	 * @return the backing array (do not modify)
	 */
	public int[] blocks() {
		return this.blocks;
	}

	/**
	 * Number of blocks.
	 * @return blocks held
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Number of leading blocks that are full and whose KV is computed.
	 * @return hashed blocks
	 */
	public int hashedBlocks() {
		return this.hashed;
	}

	void append(int block) {
		if (this.size == this.blocks.length) {
			this.blocks = Arrays.copyOf(this.blocks, 2 * this.size);
			this.hashes = Arrays.copyOf(this.hashes, 2 * this.size);
		}
		this.hashes[this.size] = NO_HASH;
		this.blocks[this.size++] = block;
	}

	void copyFrom(BlockTable other) {
		this.blocks = other.blocks.clone();
		this.hashes = other.hashes.clone();
		this.size = other.size;
		this.hashed = other.hashed;
	}

	void clear() {
		this.size = 0;
		this.hashed = 0;
	}

	@Override
	public String toString() {
		return Arrays.toString(Arrays.copyOf(this.blocks, this.size));
	}

}
