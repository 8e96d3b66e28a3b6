// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.engine.tensor.Ops;

/**
 * Picks the next token from a row of logits: greedy, or temperature then top-k, top-p and
 * min-p, then a draw from the sequence's own {@link Rng}. The outcome depends only on the
 * logits and that generator, never on other sequences. One instance per engine thread (it
 * keeps scratch arrays).
 */
public final class Sampler {

	private final int vocab;

	private final float[] probs;

	private final int[] keep;

	/**
	 * Creates a sampler.
	 * @param vocab row length
	 */
	public Sampler(int vocab) {
		this.vocab = vocab;
		this.probs = new float[vocab];
		this.keep = new int[vocab];
	}

	/** A first token for a branch and its probability under the unmodified logits. */
	public record Branch(int token, float probability) {
	}

	/**
	 * The greedy choice.
	 * @param logits logits
	 * @param off offset of the row
	 * @param vocab row length
	 * @return the index of the largest logit (lowest on ties)
	 */
	public static int argmax(float[] logits, int off, int vocab) {
		return Ops.argmax(logits, off, vocab);
	}

	/**
	 * Samples a token.
	 * @param logits logits
	 * @param off offset of the row
	 * @param params the parameters
	 * @param rng the sequence's generator (unused when greedy)
	 * @return the token
	 */
	public int sample(float[] logits, int off, SamplingParams params, Rng rng) {
		if (!params.isRandom()) {
			return argmax(logits, off, this.vocab);
		}
		double invT = 1.0 / params.temperature();
		int[] cand;
		int count;
		float max = logits[off + argmax(logits, off, this.vocab)];
		if (params.topK() > 0 && params.topK() < this.vocab) {
			cand = TopTokens.top(logits, off, this.vocab, params.topK());
			count = cand.length;
		}
		else {
			cand = null;
			count = this.vocab;
		}
		// probabilities (unnormalised) of the candidates
		double sum = 0;
		for (int j = 0; j < count; j++) {
			int i = (cand != null) ? cand[j] : j;
			float p = (float) Math.exp((logits[off + i] - max) * invT);
			this.probs[i] = p;
			sum += p;
		}
		if (params.topP() < 1f) {
			if (cand == null) {
				cand = nucleusFromAll(sum, params.topP());
			}
			count = nucleusCount(cand, cand.length, sum, params.topP());
		}
		if (params.minP() > 0f) {
			// relative to the best token, whose unnormalised probability is exp(0) = 1
			int kept = 0;
			for (int j = 0; j < count; j++) {
				int i = (cand != null) ? cand[j] : j;
				if (this.probs[i] >= params.minP()) {
					this.keep[kept++] = i;
				}
			}
			cand = this.keep;
			count = kept;
		}
		double total = 0;
		for (int j = 0; j < count; j++) {
			total += this.probs[(cand != null) ? cand[j] : j];
		}
		double r = rng.nextDouble() * total;
		double acc = 0;
		int last = 0;
		for (int j = 0; j < count; j++) {
			int i = (cand != null) ? cand[j] : j;
			acc += this.probs[i];
			last = i;
			if (acc > r) {
				return i;
			}
		}
		return last;
	}

	/** Sorted candidates covering top-p mass, found by widening partial selections. */
	private int[] nucleusFromAll(double sum, float topP) {
		for (int k = 64;; k *= 16) {
			int[] top = TopTokens.top(this.probs, 0, this.vocab, Math.min(k, this.vocab));
			if (k >= this.vocab || nucleusCount(top, top.length, sum, topP) < top.length) {
				return top;
			}
		}
	}

	/**
	 * How many of the sorted candidates it takes to reach top-p of the mass (at least 1).
	 */
	private int nucleusCount(int[] sorted, int n, double sum, float topP) {
		double acc = 0;
		for (int j = 0; j < n; j++) {
			acc += this.probs[sorted[j]] / sum;
			if (acc >= topP) {
				return j + 1;
			}
		}
		return n;
	}

	/**
	 * The first tokens for CoT-decoding branches: the {@code k} most likely tokens whose
	 * probability (softmax of the unmodified logits) is at least {@code minProbability};
	 * always at least the most likely one.
	 * @param logits logits
	 * @param off offset of the row
	 * @param vocab row length
	 * @param k most branches
	 * @param minProbability probability floor
	 * @return branches, most likely first
	 */
	public static List<Branch> branches(float[] logits, int off, int vocab, int k, float minProbability) {
		double logZ = TokenLogprobs.logSumExp(logits, off, vocab);
		List<Branch> out = new ArrayList<>();
		for (int id : TopTokens.top(logits, off, vocab, k)) {
			float p = (float) Math.exp(logits[off + id] - logZ);
			if (out.isEmpty() || p >= minProbability) {
				out.add(new Branch(id, p));
			}
		}
		return out;
	}

}
