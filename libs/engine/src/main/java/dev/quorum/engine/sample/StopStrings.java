// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.List;

/**
 * Watches generated text for stop strings. Text that could be the start of a stop string
 * is held back until it is clear, so text is never emitted past a stop string, even one
 * split across tokens. One per choice; not thread-safe.
 */
public final class StopStrings {

	private final List<String> stops;

	private final StringBuilder held = new StringBuilder();

	private String matched;

	/**
	 * Creates the matcher.
	 * @param stops the stop strings (may be empty)
	 */
	public StopStrings(List<String> stops) {
		this.stops = stops;
	}

	/**
	 * Adds decoded text.
	 * @param text the next piece
	 * @return the text that is safe to emit now (before any stop string)
	 */
	public String push(String text) {
		if (this.stops.isEmpty()) {
			return text;
		}
		if (this.matched != null) {
			return "";
		}
		this.held.append(text);
		int first = -1;
		for (String stop : this.stops) {
			int at = this.held.indexOf(stop);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
				this.matched = stop;
			}
		}
		if (first >= 0) {
			String out = this.held.substring(0, first);
			this.held.setLength(0);
			return out;
		}
		int keep = longestPrefixSuffix();
		String out = this.held.substring(0, this.held.length() - keep);
		this.held.delete(0, this.held.length() - keep);
		return out;
	}

	/**
	 * Releases held text when the choice ends for another reason.
	 * @return the held text (empty after a match)
	 */
	public String flush() {
		String out = this.held.toString();
		this.held.setLength(0);
		return out;
	}

	/**
	 * The stop string that ended the choice.
	 * @return the stop string, or null
	 */
	public String matched() {
		return this.matched;
	}

	/**
	 * Length of the longest suffix of the held text that is a proper prefix of a stop
	 * string.
	 */
	private int longestPrefixSuffix() {
		int best = 0;
		String text = this.held.toString();
		int n = text.length();
		for (String stop : this.stops) {
			for (int len = Math.min(n, stop.length() - 1); len > best; len--) {
				if (text.regionMatches(n - len, stop, 0, len)) {
					best = len;
					break;
				}
			}
		}
		return best;
	}

}
