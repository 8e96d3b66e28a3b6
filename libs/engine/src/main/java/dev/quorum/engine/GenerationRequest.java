// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import dev.quorum.engine.kv.KvSlice;
import dev.quorum.engine.sample.SamplingParams;

/**
 * A generation: a tokenised prompt, how to sample, and how many choices.
 *
 * @param prompt prompt token ids (at least one, shorter than the context length)
 * @param sampling sampling parameters and stop conditions
 * @param n number of choices; they share one prefill (forked KV blocks)
 * @param branching CoT-decoding first-token branching instead of {@code n} samples, or
 * null
 * @param importedPrefix KV of a run of whole blocks of the prompt, computed elsewhere
 * (for example pulled from Redis), or null; it starts at token 0, or at a block boundary
 * when the engine's prefix cache holds the blocks before it (else only the cached part is
 * reused)
 */
public record GenerationRequest(int[] prompt, SamplingParams sampling, int n, Branching branching,
		KvSlice importedPrefix) {

	/**
	 * Validates.
	 * @param prompt prompt token ids
	 * @param sampling sampling parameters
	 * @param n choices
	 * @param branching branching, or null
	 * @param importedPrefix imported KV, or null
	 */
	public GenerationRequest {
		if (prompt == null || prompt.length == 0) {
			throw new IllegalArgumentException("the prompt must hold at least one token");
		}
		if (n < 1) {
			throw new IllegalArgumentException("n must be >= 1, got " + n);
		}
		if (branching != null && n != 1) {
			throw new IllegalArgumentException("branching makes its own choices; n must be 1");
		}
		prompt = prompt.clone();
	}

	/**
	 * One choice with the given sampling.
	 * @param prompt prompt token ids
	 * @param sampling sampling parameters
	 * @return the request
	 */
	public static GenerationRequest of(int[] prompt, SamplingParams sampling) {
		return new GenerationRequest(prompt, sampling, 1, null, null);
	}

	/**
	 * Copy with {@code n} choices.
	 * @param choices n
	 * @return the request
	 */
	public GenerationRequest withN(int choices) {
		return new GenerationRequest(this.prompt, this.sampling, choices, this.branching, this.importedPrefix);
	}

	/**
	 * Copy with branching.
	 * @param b the branching
	 * @return the request
	 */
	public GenerationRequest withBranching(Branching b) {
		return new GenerationRequest(this.prompt, this.sampling, this.n, b, this.importedPrefix);
	}

	/**
	 * Copy with imported prefix KV.
	 * @param kv the KV of the prompt's first whole blocks
	 * @return the request
	 */
	public GenerationRequest withImportedPrefix(KvSlice kv) {
		return new GenerationRequest(this.prompt, this.sampling, this.n, this.branching, kv);
	}

	/**
	 * CoT-decoding: after the prompt, take the {@code k} most likely first tokens (those
	 * with probability at least {@code minProbability}, but always the most likely), fork
	 * one choice per token, and continue each with the sampling parameters (greedy at
	 * temperature 0).
	 *
	 * @param k most branches (1 to 64)
	 * @param minProbability probability floor for a branch's first token
	 */
	public record Branching(int k, float minProbability) {

		/**
		 * Validates.
		 * @param k branches
		 * @param minProbability floor
		 */
		public Branching {
			if (k < 1 || k > 64) {
				throw new IllegalArgumentException("branching k must be in [1, 64], got " + k);
			}
			if (!(minProbability >= 0 && minProbability <= 1)) {
				throw new IllegalArgumentException("branching min probability must be in [0, 1]");
			}
		}

	}

}
