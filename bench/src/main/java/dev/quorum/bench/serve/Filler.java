// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded filler text in the shipped models' domain (names, items, numbers, arithmetic
 * words), ASCII only, so that one character is one token for byte-level vocabularies.
 */
final class Filler {

	private static final List<String> WORDS = List.of("Tom", "Anna", "Ben", "Lucy", "Omar", "Mia", "Ravi", "Zoe", "has",
			"gets", "finds", "buys", "gives", "away", "loses", "sells", "more", "times", "as", "many", "shells",
			"apples", "coins", "stamps", "marbles", "cards", "stickers", "beads", "then", "pile", "grows", "to", "its",
			"size", "how", "does", "have", "now", "the", "and", "of", "a", "in", "on", "with", "each", "after",
			"before", "total", "left", "right", "plus", "minus", "step", "first", "next", "last", "count", "sum",
			"value");

	private Filler() {
	}

	/**
	 * Words and numbers separated by spaces and sentence ends, exactly {@code chars}
	 * characters long.
	 * @param chars the length
	 * @param random the generator
	 * @return the text
	 */
	static String words(int chars, SplittableRandom random) {
		StringBuilder text = new StringBuilder(chars + 16);
		int inSentence = 0;
		while (text.length() < chars) {
			if (inSentence > 0) {
				text.append(' ');
			}
			if (random.nextInt(5) == 0) {
				text.append(random.nextInt(1, 1000));
			}
			else {
				text.append(WORDS.get(random.nextInt(WORDS.size())));
			}
			inSentence++;
			if (inSentence >= 6 + random.nextInt(8)) {
				text.append('.');
				text.append(' ');
				inSentence = 0;
			}
		}
		text.setLength(chars);
		return text.toString();
	}

}
