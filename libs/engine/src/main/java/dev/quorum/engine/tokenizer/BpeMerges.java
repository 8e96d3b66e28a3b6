// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge table of a byte-level BPE vocabulary and the merge loop.
 * <p>
 * Symbols are ids: a vocabulary id, or a synthetic id at or above the vocabulary size for
 * a merge part whose text is not itself a token (llama.cpp merges by text, so such merges
 * still apply; the result is spelled out in byte tokens at the end). The loop always
 * applies the lowest-ranked pair, leftmost first, using a heap of candidate pairs: O(n
 * log n) in the word length.
 */
final class BpeMerges {

	private final PairTable ranks; // (left, right) -> rank

	private final int[] results; // (merges) rank -> merged symbol id

	private final int[] byteSymbols; // (256) byte -> symbol id of its GPT-2 character

	private final List<String> syntheticTexts; // (symbols - vocabSize) texts of non-token
												// symbols

	private final int vocabSize;

	BpeMerges(List<?> merges, Vocabulary vocabulary) {
		this.vocabSize = vocabulary.size();
		this.syntheticTexts = new ArrayList<>();
		Map<String, Integer> synthetic = new HashMap<>();
		this.ranks = new PairTable(merges.size());
		this.results = new int[merges.size()];
		for (int rank = 0; rank < merges.size(); rank++) {
			String merge = (String) merges.get(rank);
			int space = merge.indexOf(' ', 1);
			if (space < 0) {
				throw new IllegalArgumentException(
						"tokenizer.ggml.merges[" + rank + "] '" + merge + "' is not two symbols separated by a space");
			}
			String left = merge.substring(0, space);
			String right = merge.substring(space + 1);
			this.results[rank] = symbol(left + right, vocabulary, synthetic);
			this.ranks.putIfAbsent(symbol(left, vocabulary, synthetic), symbol(right, vocabulary, synthetic), rank);
		}
		this.byteSymbols = new int[256];
		for (int b = 0; b < 256; b++) {
			this.byteSymbols[b] = symbol(String.valueOf(ByteLevel.charOf(b)), vocabulary, synthetic);
		}
	}

	private int symbol(String text, Vocabulary vocabulary, Map<String, Integer> synthetic) {
		int id = vocabulary.id(text);
		if (id >= 0) {
			return id;
		}
		return synthetic.computeIfAbsent(text, (t) -> {
			this.syntheticTexts.add(t);
			return this.vocabSize + this.syntheticTexts.size() - 1;
		});
	}

	/**
	 * The symbol of one byte.
	 * @param b the byte
	 * @return the symbol id
	 */
	int byteSymbol(int b) {
		return this.byteSymbols[b & 0xFF];
	}

	/**
	 * The text of a symbol that is not a token.
	 * @param symbol a synthetic symbol id (at or above the vocabulary size)
	 * @return its text in GPT-2 characters
	 */
	String syntheticText(int symbol) {
		return this.syntheticTexts.get(symbol - this.vocabSize);
	}

	/**
	 * Merges the symbols of one word.
	 * @param symbols the initial symbols (one per byte), overwritten
	 * @return the merged symbols in order
	 */
	int[] merge(int[] symbols) {
		int n = symbols.length;
		if (n < 2) {
			return symbols;
		}
		int[] next = new int[n]; // -1 at the end
		int[] prev = new int[n]; // -1 at the start
		LongHeap candidates = new LongHeap(n);
		for (int i = 0; i < n; i++) {
			next[i] = (i + 1 < n) ? i + 1 : -1;
			prev[i] = i - 1;
			if (i + 1 < n) {
				offer(candidates, symbols, i, i + 1);
			}
		}
		int alive = n;
		while (!candidates.isEmpty()) {
			long candidate = candidates.poll();
			int rank = (int) (candidate >>> 32);
			int left = (int) candidate;
			int right = next[left];
			// stale when the left symbol was merged away or either side has changed
			if (symbols[left] < 0 || right < 0 || this.ranks.get(symbols[left], symbols[right]) != rank) {
				continue;
			}
			symbols[left] = this.results[rank];
			symbols[right] = -1;
			next[left] = next[right];
			if (next[right] >= 0) {
				prev[next[right]] = left;
			}
			alive--;
			if (prev[left] >= 0) {
				offer(candidates, symbols, prev[left], left);
			}
			if (next[left] >= 0) {
				offer(candidates, symbols, left, next[left]);
			}
		}
		int[] merged = new int[alive];
		for (int i = 0, k = 0; i >= 0; i = next[i]) {
			merged[k++] = symbols[i];
		}
		return merged;
	}

	private void offer(LongHeap candidates, int[] symbols, int left, int right) {
		int rank = this.ranks.get(symbols[left], symbols[right]);
		if (rank >= 0) {
			candidates.add(((long) rank << 32) | left);
		}
	}

	/** A binary min-heap of longs: (rank << 32 | left position), so ties go leftmost. */
	private static final class LongHeap {

		private long[] items;

		private int size;

		LongHeap(int capacity) {
			this.items = new long[Math.max(4, capacity)];
		}

		boolean isEmpty() {
			return this.size == 0;
		}

		void add(long item) {
			if (this.size == this.items.length) {
				this.items = Arrays.copyOf(this.items, this.size * 2);
			}
			int i = this.size++;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (this.items[parent] <= item) {
					break;
				}
				this.items[i] = this.items[parent];
				i = parent;
			}
			this.items[i] = item;
		}

		long poll() {
			long top = this.items[0];
			long last = this.items[--this.size];
			int i = 0;
			int half = this.size >>> 1;
			while (i < half) {
				int child = 2 * i + 1;
				if (child + 1 < this.size && this.items[child + 1] < this.items[child]) {
					child++;
				}
				if (last <= this.items[child]) {
					break;
				}
				this.items[i] = this.items[child];
				i = child;
			}
			this.items[i] = last;
			return top;
		}

	}

}
