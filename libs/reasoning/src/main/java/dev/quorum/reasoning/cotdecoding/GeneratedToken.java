// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

import java.util.Arrays;

/**
 * One generated token with the two largest probabilities of the distribution it was drawn
 * from.
 *
 * @param start the token's first character in the generated text (UTF-16 offset)
 * @param end one past its last character; a token that completes a multi-byte character
 * may share offsets with its neighbour
 * @param top1 the largest next-token probability at this position (softmax over the
 * vocabulary)
 * @param top2 the second largest, 0 when unknown
 */
public record GeneratedToken(int start, int end, double top1, double top2) {

	private static final double SLACK = 1e-9;

	public GeneratedToken {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("bad token offsets " + start + ".." + end);
		}
		if (!(top2 >= 0 && top1 >= top2 - SLACK && top1 <= 1 + SLACK)) {
			throw new IllegalArgumentException("need 0 <= top2 <= top1 <= 1, got " + top1 + ", " + top2);
		}
	}

	/**
	 * A token from its top logprobs as an OpenAI-compatible backend returns them.
	 * @param start first character offset
	 * @param end end offset
	 * @param topLogprobs natural-log probabilities of the top alternatives, any order;
	 * with fewer than two, the missing probability counts as 0
	 * @return the token
	 */
	public static GeneratedToken fromLogprobs(int start, int end, double... topLogprobs) {
		double[] sorted = topLogprobs.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		double p1 = (n > 0) ? Math.exp(sorted[n - 1]) : 0;
		double p2 = (n > 1) ? Math.exp(sorted[n - 2]) : 0;
		return new GeneratedToken(start, end, Math.min(1, p1), Math.min(1, p2));
	}

	/**
	 * {@code top1 - top2}.
	 * @return the probability margin
	 */
	public double margin() {
		return Math.max(0, this.top1 - this.top2);
	}

	/**
	 * Whether the token covers any character of {@code [from, to)}.
	 * @param from span start
	 * @param to span end (exclusive)
	 * @return whether they overlap
	 */
	public boolean overlaps(int from, int to) {
		return this.start < to && this.end > from;
	}

}
