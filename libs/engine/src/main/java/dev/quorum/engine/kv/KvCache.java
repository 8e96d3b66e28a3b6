// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Off-heap F32 storage for keys and values, in blocks of {@code blockSize} token slots.
 * Per layer one segment for K and one for V, each laid out (numBlocks * blockSize,
 * kvDim): slot {@code s = block * blockSize + offset} holds one token's {@code kvDim =
 * nKvHeads * headDim} floats. Which slot belongs to which sequence is the
 * {@link BlockManager}'s business; this class only moves floats. Used by the engine
 * thread (and its compute pool while a step runs).
 */
public final class KvCache implements AutoCloseable {

	static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private final Arena arena = Arena.ofShared();

	private final int layers;

	private final int kvDim;

	private final int blockSize;

	private final int numBlocks;

	private final MemorySegment[] keys; // per layer (numBlocks * blockSize, kvDim)

	private final MemorySegment[] values; // per layer (numBlocks * blockSize, kvDim)

	/**
	 * Allocates the storage (zeroed).
	 * @param layers number of layers
	 * @param kvDim floats per token per layer for K (and for V)
	 * @param blockSize token slots per block
	 * @param numBlocks number of blocks
	 */
	public KvCache(int layers, int kvDim, int blockSize, int numBlocks) {
		this.layers = layers;
		this.kvDim = kvDim;
		this.blockSize = blockSize;
		this.numBlocks = numBlocks;
		this.keys = new MemorySegment[layers];
		this.values = new MemorySegment[layers];
		long bytes = 4L * numBlocks * blockSize * kvDim;
		for (int l = 0; l < layers; l++) {
			this.keys[l] = this.arena.allocate(bytes, 64);
			this.values[l] = this.arena.allocate(bytes, 64);
		}
	}

	/**
	 * Bytes one block takes over all layers, K and V.
	 * @param layers number of layers
	 * @param kvDim floats per token per layer
	 * @param blockSize token slots per block
	 * @return bytes per block
	 */
	public static long bytesPerBlock(int layers, int kvDim, int blockSize) {
		return 2L * 4 * layers * kvDim * blockSize;
	}

	/**
	 * Keys of a layer.
	 * @param layer the layer
	 * @return the segment, (slots, kvDim) floats
	 */
	public MemorySegment keys(int layer) {
		return this.keys[layer];
	}

	/**
	 * Values of a layer.
	 * @param layer the layer
	 * @return the segment, (slots, kvDim) floats
	 */
	public MemorySegment values(int layer) {
		return this.values[layer];
	}

	/**
	 * Token slots per block.
	 * @return the block size
	 */
	public int blockSize() {
		return this.blockSize;
	}

	/**
	 * Number of blocks.
	 * @return the block count
	 */
	public int numBlocks() {
		return this.numBlocks;
	}

	/**
	 * Floats per token per layer.
	 * @return kvDim
	 */
	public int kvDim() {
		return this.kvDim;
	}

	/**
	 * Number of layers.
	 * @return layers
	 */
	public int layers() {
		return this.layers;
	}

	/**
	 * Stores one token's K and V for a layer.
	 * @param layer the layer
	 * @param slot the slot, {@code block * blockSize + offset}
	 * @param k keys, kvDim floats from {@code k0}
	 * @param k0 offset in {@code k}
	 * @param v values, kvDim floats from {@code v0}
	 * @param v0 offset in {@code v}
	 */
	public void write(int layer, int slot, float[] k, int k0, float[] v, int v0) {
		long at = 4L * slot * this.kvDim;
		MemorySegment.copy(k, k0, this.keys[layer], FLOAT, at, this.kvDim);
		MemorySegment.copy(v, v0, this.values[layer], FLOAT, at, this.kvDim);
	}

	/**
	 * Copies the first {@code tokens} slots of a block to another block, in every layer
	 * (copy-on-write).
	 * @param src source block
	 * @param dst destination block
	 * @param tokens slots to copy
	 */
	public void copyBlock(int src, int dst, int tokens) {
		long bytes = 4L * tokens * this.kvDim;
		long from = 4L * src * this.blockSize * this.kvDim;
		long to = 4L * dst * this.blockSize * this.kvDim;
		for (int l = 0; l < this.layers; l++) {
			MemorySegment.copy(this.keys[l], from, this.keys[l], to, bytes);
			MemorySegment.copy(this.values[l], from, this.values[l], to, bytes);
		}
	}

	/**
	 * Copies a full block out into arrays laid out (tokens, kvDim) per layer.
	 * @param block the block
	 * @param keysOut per layer, receives blockSize * kvDim floats at {@code offset}
	 * @param valuesOut per layer, likewise
	 * @param offset float offset in each array
	 */
	public void exportBlock(int block, float[][] keysOut, float[][] valuesOut, int offset) {
		long from = 4L * block * this.blockSize * this.kvDim;
		int count = this.blockSize * this.kvDim;
		for (int l = 0; l < this.layers; l++) {
			MemorySegment.copy(this.keys[l], FLOAT, from, keysOut[l], offset, count);
			MemorySegment.copy(this.values[l], FLOAT, from, valuesOut[l], offset, count);
		}
	}

	/**
	 * Fills a block from arrays laid out (tokens, kvDim) per layer.
	 * @param block the block
	 * @param keysIn per layer, blockSize * kvDim floats from {@code offset}
	 * @param valuesIn per layer, likewise
	 * @param offset float offset in each array
	 */
	public void importBlock(int block, float[][] keysIn, float[][] valuesIn, int offset) {
		long to = 4L * block * this.blockSize * this.kvDim;
		int count = this.blockSize * this.kvDim;
		for (int l = 0; l < this.layers; l++) {
			MemorySegment.copy(keysIn[l], offset, this.keys[l], FLOAT, to, count);
			MemorySegment.copy(valuesIn[l], offset, this.values[l], FLOAT, to, count);
		}
	}

	/** Frees the storage. */
	@Override
	public void close() {
		this.arena.close();
	}

}
