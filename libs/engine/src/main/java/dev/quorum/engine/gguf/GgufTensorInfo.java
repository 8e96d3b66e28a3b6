// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.util.Arrays;

/**
 * One entry of a GGUF tensor table.
 *
 * @param name the tensor name, for example {@code blk.0.attn_q.weight}
 * @param dims the GGML {@code ne} dimensions, innermost (contiguous) first: a matrix with
 * {@code dims = [cols, rows]} has {@code rows} rows of {@code cols} elements
 * @param type the element type
 * @param offset byte offset of the data, relative to the start of the data section
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

	/**
	 * Creates the info, copying the dimensions.
	 * @param name the tensor name
	 * @param dims the dimensions, innermost first
	 * @param type the element type
	 * @param offset the data offset within the data section
	 */
	public GgufTensorInfo {
		dims = dims.clone();
	}

	@Override
	public long[] dims() {
		return this.dims.clone();
	}

	/**
	 * The number of elements.
	 * @return the product of the dimensions
	 */
	public long elementCount() {
		long n = 1;
		for (long d : this.dims) {
			n = Math.multiplyExact(n, d);
		}
		return n;
	}

	/**
	 * The size of the data.
	 * @return bytes taken by the elements in their stored type
	 */
	public long byteSize() {
		return this.type.bytesFor(elementCount());
	}

	/**
	 * The number of dimensions.
	 * @return the rank
	 */
	public int rank() {
		return this.dims.length;
	}

	/**
	 * One dimension.
	 * @param i index, 0 = innermost
	 * @return the extent, 1 beyond the rank
	 */
	public long dim(int i) {
		return (i < this.dims.length) ? this.dims[i] : 1;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof GgufTensorInfo that && this.name.equals(that.name)
				&& Arrays.equals(this.dims, that.dims) && this.type == that.type && this.offset == that.offset;
	}

	@Override
	public int hashCode() {
		return this.name.hashCode() * 31 + Arrays.hashCode(this.dims);
	}

	@Override
	public String toString() {
		return this.name + Arrays.toString(this.dims) + " " + this.type;
	}

}
