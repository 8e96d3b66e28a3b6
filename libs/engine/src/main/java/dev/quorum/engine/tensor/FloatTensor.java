// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.MemorySegment;

import dev.quorum.engine.gguf.GgmlType;

/**
 * A matrix (or vector) of {@code rows} rows of {@code cols} elements, kept in its stored
 * GGUF type inside a (usually memory-mapped) segment and dequantised on the fly. One
 * subclass per type, as in llama3.java.
 * <p>
 * The product of a row and an F32 activation vector is defined once for all kernels: the
 * dot product of the dequantised row (each element exactly as {@link #get(long)} returns
 * it) with the activations, accumulated in chunks of the vector width in order. The fused
 * single-token kernels of the subclasses and the tiled batched kernels compute exactly
 * that, so results do not depend on the batch. Instances are immutable and thread-safe.
 */
public abstract sealed class FloatTensor permits F32Tensor, F16Tensor, BF16Tensor, Q8_0Tensor, Q4_0Tensor {

	/** Batches below this size use the fused four-token kernels where a type has them. */
	static final int FUSED_BELOW = 8;

	private static final ThreadLocal<float[]> SUMS = ThreadLocal.withInitial(() -> new float[16 * Vec.L]);

	private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

	/** The stored bytes. */
	final MemorySegment data;

	/** Number of rows. */
	final int rows;

	/** Elements per row. */
	final int cols;

	FloatTensor(MemorySegment data, int rows, int cols) {
		long need = type().bytesFor((long) rows * cols);
		if (data.byteSize() < need) {
			throw new IllegalArgumentException(type() + " tensor of " + rows + "x" + cols + " needs " + need
					+ " bytes, segment has " + data.byteSize());
		}
		if (cols % type().blockSize() != 0) {
			throw new IllegalArgumentException(
					type() + " rows must be a multiple of " + type().blockSize() + " elements, got " + cols);
		}
		this.data = data;
		this.rows = rows;
		this.cols = cols;
	}

	/**
	 * Wraps stored bytes.
	 * @param type the element type (F32, F16, BF16, Q8_0 or Q4_0)
	 * @param data the bytes, at least {@code type.bytesFor(rows * cols)}
	 * @param rows number of rows
	 * @param cols elements per row
	 * @return the tensor
	 * @throws IllegalArgumentException for an unsupported type
	 */
	public static FloatTensor of(GgmlType type, MemorySegment data, int rows, int cols) {
		return switch (type) {
			case F32 -> new F32Tensor(data, rows, cols);
			case F16 -> new F16Tensor(data, rows, cols);
			case BF16 -> new BF16Tensor(data, rows, cols);
			case Q8_0 -> new Q8_0Tensor(data, rows, cols);
			case Q4_0 -> new Q4_0Tensor(data, rows, cols);
			default -> throw new IllegalArgumentException(
					"unsupported tensor type " + type + " (supported: F32, F16, BF16, Q8_0, Q4_0)");
		};
	}

	/**
	 * The stored type.
	 * @return the GGML type
	 */
	public abstract GgmlType type();

	/**
	 * Number of rows.
	 * @return rows
	 */
	public int rows() {
		return this.rows;
	}

	/**
	 * Elements per row.
	 * @return columns
	 */
	public int cols() {
		return this.cols;
	}

	/**
	 * One element, dequantised.
	 * @param index flat index {@code row * cols + col}
	 * @return the value
	 */
	public abstract float get(long index);

	/**
	 * Dequantises a row into {@code dst[off .. off + cols)}.
	 * @param row the row
	 * @param dst destination
	 * @param off destination offset
	 */
	public abstract void dequantizeRow(int row, float[] dst, int off);

	/**
	 * One token against rows {@code [r0, r1)}: {@code out[o + r] = row(r) . x[x0 ..]}.
	 * The default dequantises each row first; subclasses fuse the dequantisation into the
	 * product, in the same order.
	 * @param x activations
	 * @param x0 offset of the token's {@code cols} values
	 * @param out results
	 * @param o offset added to the row index
	 * @param r0 first row
	 * @param r1 end row (exclusive)
	 */
	void dotRows(float[] x, int x0, float[] out, int o, int r0, int r1) {
		float[] scratch = scratch(this.cols);
		for (int r = r0; r < r1; r++) {
			dequantizeRow(r, scratch, 0);
			out[o + r] = DotKernels.dot1x1(scratch, 0, x, x0, this.cols);
		}
	}

	/**
	 * Four tokens against rows {@code [r0, r1)} in one pass over the weights, with the
	 * dequantisation fused in: {@code out[o + t*stride + r] = row(r) . x[x0 + t*cols ..]}
	 * for t in 0..3. Types without such a kernel return false and are handled by the
	 * tiled path.
	 * @param x activations
	 * @param x0 offset of token 0
	 * @param out results
	 * @param o offset of (token 0, row 0)
	 * @param stride distance between tokens in {@code out}
	 * @param r0 first row
	 * @param r1 end row (exclusive)
	 * @return whether the products were computed
	 */
	boolean dotRows4(float[] x, int x0, float[] out, int o, int stride, int r0, int r1) {
		return false;
	}

	/**
	 * {@code T} tokens against rows {@code [r0, r1)}:
	 * {@code out[o + t*stride + r] = row(r) . x[x0 + t*cols ..]}. Each row is read (and
	 * dequantised) once for all tokens.
	 * @param x activations, (T, cols)
	 * @param x0 offset of token 0
	 * @param tokens number of tokens T
	 * @param out results
	 * @param o offset of (token 0, row 0)
	 * @param stride distance between tokens in {@code out}
	 * @param r0 first row
	 * @param r1 end row (exclusive)
	 */
	final void matmulRows(float[] x, int x0, int tokens, float[] out, int o, int stride, int r0, int r1) {
		if (tokens == 1) {
			dotRows(x, x0, out, o, r0, r1);
			return;
		}
		int k = this.cols;
		if (tokens < FUSED_BELOW && dotRows4(x, x0, out, o, stride, r0, r0)) {
			// few tokens: stream the weights once per four tokens, no dequantised copy
			int t = 0;
			for (; t + 4 <= tokens; t += 4) {
				dotRows4(x, x0 + t * k, out, o + t * stride, stride, r0, r1);
			}
			for (; t < tokens; t++) {
				dotRows(x, x0 + t * k, out, o + t * stride, r0, r1);
			}
			return;
		}
		// dequantise the rows once, then sweep the tokens in blocks small enough to stay
		// in
		// L2 next to them: ~128 KB of activations per block
		float[] rows = scratch((r1 - r0) * k);
		float[] sums = sums();
		for (int r = r0; r < r1; r++) {
			dequantizeRow(r, rows, (r - r0) * k);
		}
		int block = Math.max(4, (32768 / k) & ~3);
		for (int t0 = 0; t0 < tokens; t0 += block) {
			int t1 = Math.min(tokens, t0 + block);
			int r = r0;
			for (; r + 4 <= r1; r += 4) {
				int w0 = (r - r0) * k;
				int t = t0;
				for (; t + 4 <= t1; t += 4) {
					DotKernels.dot4x4(rows, w0, x, x0 + t * k, k, out, o + t * stride + r, stride, sums);
				}
				for (; t < t1; t++) {
					DotKernels.dot4x1(rows, w0, x, x0 + t * k, k, out, o + t * stride + r, sums);
				}
			}
			for (; r < r1; r++) {
				for (int t = t0; t < t1; t++) {
					out[o + t * stride + r] = DotKernels.dot1x1(rows, (r - r0) * k, x, x0 + t * k, k);
				}
			}
		}
	}

	/** Per-thread room for parked accumulators: 16 vectors. */
	static float[] sums() {
		return SUMS.get();
	}

	static float[] scratch(int size) {
		float[] s = SCRATCH.get();
		if (s.length < size) {
			s = new float[size];
			SCRATCH.set(s);
		}
		return s;
	}

}
