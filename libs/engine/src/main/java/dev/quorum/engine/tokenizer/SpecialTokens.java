// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the text of control and user-defined tokens in raw text (leftmost match, longest
 * token first), so the rest can be tokenised around them.
 */
final class SpecialTokens {

	/** Receives the pieces of a split text in order. */
	interface Sink {

		void text(String fragment);

		void token(int id);

	}

	private final Map<Character, int[]> byFirstChar; // first char -> ids, longest text
														// first

	private final String[] texts;

	SpecialTokens(Vocabulary vocabulary) {
		this.texts = vocabulary.texts;
		Map<Character, List<Integer>> lists = new HashMap<>();
		for (int id = 0; id < vocabulary.size(); id++) {
			boolean special = vocabulary.isType(id, TokenType.CONTROL) || vocabulary.isType(id, TokenType.USER_DEFINED);
			if (special && !this.texts[id].isEmpty()) {
				lists.computeIfAbsent(this.texts[id].charAt(0), (c) -> new ArrayList<>()).add(id);
			}
		}
		this.byFirstChar = new HashMap<>();
		lists.forEach((first, ids) -> this.byFirstChar.put(first,
				ids.stream()
					.sorted(Comparator.comparingInt((Integer id) -> -this.texts[id].length()))
					.mapToInt(Integer::intValue)
					.toArray()));
	}

	/**
	 * Splits text into raw fragments (never empty) and special tokens.
	 * @param text the text
	 * @param sink receives the pieces in order
	 */
	void split(String text, Sink sink) {
		int start = 0;
		int i = 0;
		while (i < text.length()) {
			int id = match(text, i);
			if (id < 0) {
				i++;
				continue;
			}
			if (i > start) {
				sink.text(text.substring(start, i));
			}
			sink.token(id);
			i += this.texts[id].length();
			start = i;
		}
		if (start < text.length()) {
			sink.text(text.substring(start));
		}
	}

	private int match(String text, int at) {
		int[] candidates = this.byFirstChar.get(text.charAt(at));
		if (candidates != null) {
			for (int id : candidates) {
				if (text.startsWith(this.texts[id], at)) {
					return id;
				}
			}
		}
		return -1;
	}

}
