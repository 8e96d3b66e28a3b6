// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

/**
 * Log-probabilities of a generated token and of the most likely alternatives, from the
 * log-softmax of the model's unmodified logits (before temperature or filters), as OpenAI
 * reports them.
 *
 * @param token the chosen token
 * @param logprob its log-probability
 * @param topTokens the most likely tokens, most likely first
 * @param topLogprobs their log-probabilities
 */
public record TokenLogprobs(int token, float logprob, int[] topTokens, float[] topLogprobs) {

	/**
	 * Computes them.
	 * @param logits logits
	 * @param off offset of the row
	 * @param vocab row length
	 * @param token the chosen token
	 * @param top number of alternatives
	 * @return the log-probabilities
	 */
	public static TokenLogprobs of(float[] logits, int off, int vocab, int token, int top) {
		double logZ = logSumExp(logits, off, vocab);
		int[] ids = TopTokens.top(logits, off, vocab, top);
		float[] lps = new float[ids.length];
		for (int i = 0; i < ids.length; i++) {
			lps[i] = (float) (logits[off + ids[i]] - logZ);
		}
		return new TokenLogprobs(token, (float) (logits[off + token] - logZ), ids, lps);
	}

	/**
	 * {@code log(sum(exp(x)))} over a row, computed stably in double.
	 * @param x values
	 * @param off offset
	 * @param n length
	 * @return the log-sum-exp
	 */
	public static double logSumExp(float[] x, int off, int n) {
		float max = Float.NEGATIVE_INFINITY;
		for (int i = off; i < off + n; i++) {
			max = Math.max(max, x[i]);
		}
		double sum = 0;
		for (int i = off; i < off + n; i++) {
			sum += Math.exp(x[i] - max);
		}
		return max + Math.log(sum);
	}

}
