// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.util.Arrays;

/**
 * Hands out KV blocks to sequences, nano-vllm style: reference counts so forks share
 * blocks (copy-on-write when a shared partial block is written), and prefix caching: once
 * a full block's KV is computed it is registered under the chained hash of its tokens,
 * and a later sequence with the same prefix reuses it instead of recomputing. Freed
 * blocks keep their registration until they are handed out again (oldest freed first), so
 * a finished request's prefix stays reusable while memory allows. Hits are verified
 * against the stored token ids and the parent hash, so a hash collision cannot return
 * wrong KV.
 * <p>
 * Confined to the engine thread, except the counters, which any thread may read.
 */
public final class BlockManager {

	private final KvCache cache;

	private final int blockSize;

	private final int numBlocks;

	private final int[] refCount; // (numBlocks)

	private final FreeList freeList;

	private final PrefixCache prefixes;

	/**
	 * Creates the manager over a cache.
	 * @param cache the storage
	 * @param prefixCaching whether computed full blocks are reused by later sequences
	 */
	public BlockManager(KvCache cache, boolean prefixCaching) {
		this.cache = cache;
		this.blockSize = cache.blockSize();
		this.numBlocks = cache.numBlocks();
		this.refCount = new int[this.numBlocks];
		this.freeList = new FreeList(this.numBlocks);
		this.prefixes = new PrefixCache(this.numBlocks, this.blockSize, prefixCaching);
	}

	/**
	 * Tokens per block.
	 * @return the block size
	 */
	public int blockSize() {
		return this.blockSize;
	}

	/**
	 * Blocks not held by any sequence (some may still serve as prefix cache).
	 * @return free blocks
	 */
	public int freeBlocks() {
		return this.freeList.size();
	}

	/**
	 * Blocks held by sequences.
	 * @return used blocks
	 */
	public int usedBlocks() {
		return this.numBlocks - this.freeList.size();
	}

	/**
	 * All blocks.
	 * @return the pool size
	 */
	public int totalBlocks() {
		return this.numBlocks;
	}

	/**
	 * Blocks needed for a number of tokens.
	 * @param tokens token count
	 * @return blocks
	 */
	public int blocksFor(int tokens) {
		return (tokens + this.blockSize - 1) / this.blockSize;
	}

	/**
	 * How many leading tokens of a sequence are held, as full blocks, in the prefix
	 * cache.
	 * @param ids the tokens
	 * @param length how many of them to consider
	 * @return a multiple of the block size
	 */
	public int cachedPrefix(int[] ids, int length) {
		long h = BlockTable.NO_HASH;
		int blocks = 0;
		for (int i = 0; i < length / this.blockSize; i++) {
			long parent = h;
			h = this.prefixes.chain(h, ids, i * this.blockSize);
			if (this.prefixes.lookup(h, parent, ids, i) == PrefixCache.NONE) {
				break;
			}
			blocks++;
		}
		return blocks * this.blockSize;
	}

	/**
	 * Gives an empty table blocks for tokens {@code [0, length)}: leading full blocks
	 * come from the prefix cache or from {@code imported} where possible, the rest are
	 * fresh. An imported run may start after token 0 when the blocks before it are in the
	 * prefix cache; a block missing from both ends the reused prefix. Nothing is
	 * allocated when the free blocks do not suffice.
	 * @param table an empty table
	 * @param ids the tokens
	 * @param length tokens to hold
	 * @param maxReused reuse (or import) at most this many leading tokens
	 * @param imported KV for a run of whole blocks starting at a block boundary, or null
	 * @return tokens whose KV is already present (a multiple of the block size), or -1
	 * when there are not enough free blocks
	 */
	public int allocate(BlockTable table, int[] ids, int length, int maxReused, KvSlice imported) {
		int need = blocksFor(length);
		int eligible = Math.min(maxReused, length) / this.blockSize;
		int importFrom = 0; // blocks [importFrom, importTo) can come from imported
		int importTo = 0;
		if (imported != null) {
			int s = imported.start();
			if (s % this.blockSize != 0) {
				throw new IllegalArgumentException("imported KV must start at a block boundary, got token " + s);
			}
			importFrom = s / this.blockSize;
			importTo = Math.max(importFrom, Math.min(importFrom + imported.length() / this.blockSize, eligible));
			int n = (importTo - importFrom) * this.blockSize;
			if (!Arrays.equals(imported.tokens(), 0, n, ids, s, s + n)) {
				throw new IllegalArgumentException("imported KV must match the sequence's tokens");
			}
		}
		// dry run: count reusable blocks, and the free-list entries that hits on freed
		// blocks take
		long h = BlockTable.NO_HASH;
		int reused = 0;
		int hits = 0;
		int revived = 0;
		while (reused < eligible) {
			long parent = h;
			h = this.prefixes.chain(h, ids, reused * this.blockSize);
			int b = this.prefixes.lookup(h, parent, ids, reused);
			if (b == PrefixCache.NONE && (reused < importFrom || reused >= importTo)) {
				break;
			}
			if (b != PrefixCache.NONE) {
				hits++;
				if (this.refCount[b] == 0) {
					revived++;
				}
			}
			reused++;
		}
		if (need - hits + revived > this.freeList.size()) {
			return -1;
		}
		h = BlockTable.NO_HASH;
		for (int i = 0; i < reused; i++) {
			long parent = h;
			h = this.prefixes.chain(h, ids, i * this.blockSize);
			int b = this.prefixes.lookup(h, parent, ids, i);
			if (b != PrefixCache.NONE) {
				if (this.refCount[b] == 0) {
					this.freeList.remove(b);
				}
				this.refCount[b]++;
			}
			else {
				b = takeFree();
				this.cache.importBlock(b, imported.keys(), imported.values(),
						(i * this.blockSize - imported.start()) * imported.kvDim());
				this.prefixes.register(b, h, parent, ids, i);
			}
			table.append(b);
			table.hashes[i] = h;
		}
		table.hashed = reused;
		for (int i = reused; i < need; i++) {
			table.append(takeFree());
		}
		return reused * this.blockSize;
	}

	/**
	 * Makes position {@code pos} writable for a sequence that holds blocks up to
	 * {@code pos - 1}: adds a block at a block boundary, or copies a shared partial block
	 * (copy-on-write after a fork).
	 * @param table the sequence's table
	 * @param pos the position to be written next
	 * @return false when a block is needed and none is free
	 */
	public boolean prepareAppend(BlockTable table, int pos) {
		int index = pos / this.blockSize;
		if (index == table.size) {
			if (this.freeList.size() == 0) {
				return false;
			}
			table.append(takeFree());
			return true;
		}
		int b = table.blocks[index];
		if (this.refCount[b] > 1) {
			if (this.freeList.size() == 0) {
				return false;
			}
			int copy = takeFree();
			this.cache.copyBlock(b, copy, pos % this.blockSize);
			this.refCount[b]--;
			table.blocks[index] = copy;
		}
		return true;
	}

	/**
	 * Records that the KV of tokens {@code [0, computed)} is in place: blocks that became
	 * full get their hash and join the prefix cache.
	 * @param table the sequence's table
	 * @param ids the sequence's tokens
	 * @param computed tokens whose KV is computed
	 */
	public void commit(BlockTable table, int[] ids, int computed) {
		int full = Math.min(computed / this.blockSize, table.size);
		for (int i = table.hashed; i < full; i++) {
			long parent = (i == 0) ? BlockTable.NO_HASH : table.hashes[i - 1];
			long h = this.prefixes.chain(parent, ids, i * this.blockSize);
			table.hashes[i] = h;
			this.prefixes.register(table.blocks[i], h, parent, ids, i);
		}
		table.hashed = Math.max(table.hashed, full);
	}

	/**
	 * Shares all blocks of {@code source} with an empty {@code target}.
	 * @param source the parent's table
	 * @param target the child's empty table
	 */
	public void fork(BlockTable source, BlockTable target) {
		target.copyFrom(source);
		for (int i = 0; i < source.size; i++) {
			this.refCount[source.blocks[i]]++;
		}
	}

	/**
	 * Releases a sequence's blocks; blocks nobody holds any more become free (registered
	 * ones stay reusable until handed out again).
	 * @param table the table, emptied
	 */
	public void free(BlockTable table) {
		for (int i = table.size - 1; i >= 0; i--) {
			int b = table.blocks[i];
			if (--this.refCount[b] == 0) {
				this.freeList.add(b);
			}
			else if (this.refCount[b] < 0) {
				throw new IllegalStateException("block " + b + " freed twice");
			}
		}
		table.clear();
	}

	/**
	 * Copies the KV of whole blocks out.
	 * @param table the sequence's table
	 * @param ids the sequence's tokens
	 * @param from first token, a multiple of the block size
	 * @param to end token (exclusive), a multiple of the block size, computed
	 * @return the keys and values of tokens {@code [from, to)}
	 */
	public KvSlice export(BlockTable table, int[] ids, int from, int to) {
		if (from % this.blockSize != 0 || to % this.blockSize != 0 || to / this.blockSize > table.size) {
			throw new IllegalArgumentException("export range [" + from + ", " + to + ") must cover whole blocks held");
		}
		int kvDim = this.cache.kvDim();
		float[][] keys = new float[this.cache.layers()][(to - from) * kvDim];
		float[][] values = new float[this.cache.layers()][(to - from) * kvDim];
		for (int i = from / this.blockSize; i < to / this.blockSize; i++) {
			this.cache.exportBlock(table.blocks[i], keys, values, (i * this.blockSize - from) * kvDim);
		}
		return new KvSlice(from, Arrays.copyOfRange(ids, from, to), kvDim, keys, values);
	}

	private int takeFree() {
		int b = this.freeList.take();
		this.prefixes.forget(b);
		this.refCount[b] = 1;
		return b;
	}

}
