// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.Arrays;

/**
 * Selection of the k largest values without sorting the whole vocabulary: a bounded
 * min-heap, O(n log k). Ties go to the lower index, so the result is deterministic.
 */
final class TopTokens {

	private TopTokens() {
	}

	/**
	 * Indices of the {@code k} largest of {@code v[off .. off + n)}, largest first.
	 * @param v values
	 * @param off offset
	 * @param n number of values
	 * @param k how many (clamped to n)
	 * @return indices relative to {@code off}
	 */
	static int[] top(float[] v, int off, int n, int k) {
		k = Math.min(k, n);
		if (k <= 0) {
			return new int[0];
		}
		if (k == n) {
			return sortAll(v, off, n);
		}
		int[] heap = new int[k]; // min-heap by (value, -index): the root is the weakest
									// kept
		int size = 0;
		for (int i = 0; i < n; i++) {
			if (size < k) {
				heap[size] = i;
				up(heap, size++, v, off);
			}
			else if (better(v, off, i, heap[0])) {
				heap[0] = i;
				down(heap, size, v, off);
			}
		}
		int[] out = new int[k];
		for (int j = k - 1; j >= 0; j--) {
			out[j] = heap[0];
			heap[0] = heap[--size];
			down(heap, size, v, off);
		}
		return out;
	}

	private static int[] sortAll(float[] v, int off, int n) {
		Integer[] boxed = new Integer[n];
		for (int i = 0; i < n; i++) {
			boxed[i] = i;
		}
		Arrays.sort(boxed, (a, b) -> better(v, off, a, b) ? -1 : (better(v, off, b, a) ? 1 : 0));
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			out[i] = boxed[i];
		}
		return out;
	}

	/** Whether index a ranks above index b: larger value, then lower index. */
	static boolean better(float[] v, int off, int a, int b) {
		float x = v[off + a];
		float y = v[off + b];
		return x > y || (x == y && a < b);
	}

	private static void up(int[] heap, int i, float[] v, int off) {
		while (i > 0) {
			int parent = (i - 1) / 2;
			if (!better(v, off, heap[parent], heap[i])) {
				return;
			}
			swap(heap, i, parent);
			i = parent;
		}
	}

	private static void down(int[] heap, int size, float[] v, int off) {
		int i = 0;
		while (true) {
			int l = 2 * i + 1;
			int r = l + 1;
			int weakest = i;
			if (l < size && better(v, off, heap[weakest], heap[l])) {
				weakest = l;
			}
			if (r < size && better(v, off, heap[weakest], heap[r])) {
				weakest = r;
			}
			if (weakest == i) {
				return;
			}
			swap(heap, i, weakest);
			i = weakest;
		}
	}

	private static void swap(int[] a, int i, int j) {
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

}
