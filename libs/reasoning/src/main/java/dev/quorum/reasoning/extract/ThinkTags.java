// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

/**
 * Removes {@code <think>...</think>} blocks while remembering where every kept character
 * came from, so that spans found in the visible text map back to the original text.
 * <p>
 * Rules: each {@code <think>...</think>} block is removed (tags matched
 * case-insensitively); an unclosed {@code <think>} removes everything after it (the model
 * was still thinking); a {@code </think>} with no opening tag before it removes
 * everything before it (reasoning models whose chat template opens the tag in the
 * prompt).
 */
final class ThinkTags {

	private static final String OPEN = "<think>";

	private static final String CLOSE = "</think>";

	private ThinkTags() {
	}

	/**
	 * The visible text and, per visible character, its offset in the original.
	 *
	 * @param text the visible text
	 * @param origin {@code origin[i]} is the original offset of {@code text.charAt(i)}
	 */
	record Visible(String text, int[] origin) {

		/**
		 * Maps a visible span to the original text, truncating it at the first removed
		 * block inside it (the span must stay contiguous in the original).
		 * @param start visible start
		 * @param end visible end (exclusive), greater than {@code start}
		 * @return {@code {originalStart, originalEnd, visibleEnd}}
		 */
		int[] toOriginal(int start, int end) {
			int visibleEnd = start + 1;
			while (visibleEnd < end && this.origin[visibleEnd] == this.origin[visibleEnd - 1] + 1) {
				visibleEnd++;
			}
			return new int[] { this.origin[start], this.origin[visibleEnd - 1] + 1, visibleEnd };
		}

	}

	static Visible strip(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		int[] origin = new int[text.length()];
		int pos = 0;
		int firstOpen = indexOf(text, OPEN, 0);
		int firstClose = indexOf(text, CLOSE, 0);
		if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
			pos = firstClose + CLOSE.length();
		}
		while (pos < text.length()) {
			int open = indexOf(text, OPEN, pos);
			int keepEnd = (open < 0) ? text.length() : open;
			for (int i = pos; i < keepEnd; i++) {
				origin[kept.length()] = i;
				kept.append(text.charAt(i));
			}
			if (open < 0) {
				break;
			}
			int close = indexOf(text, CLOSE, open + OPEN.length());
			pos = (close < 0) ? text.length() : close + CLOSE.length();
		}
		return new Visible(kept.toString(), origin);
	}

	private static int indexOf(String text, String tag, int from) {
		for (int i = from; i + tag.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, tag, 0, tag.length())) {
				return i;
			}
		}
		return -1;
	}

}
