// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import dev.quorum.engine.kv.KvSlice;

/**
 * Computes the KV of the whole blocks of a token sequence and exports it; no logits.
 *
 * @param tokens the tokens; only the leading whole blocks are computed
 * @param importedPrefix KV of a leading run of whole blocks computed elsewhere, or null
 * @param exportFrom first token to export (a multiple of the block size); earlier blocks
 * are computed or reused but not copied out
 */
public record PrefillRequest(int[] tokens, KvSlice importedPrefix, int exportFrom) {

	/**
	 * Validates.
	 * @param tokens the tokens
	 * @param importedPrefix imported KV, or null
	 * @param exportFrom first token to export
	 */
	public PrefillRequest {
		if (tokens == null) {
			throw new IllegalArgumentException("tokens must not be null");
		}
		if (exportFrom < 0) {
			throw new IllegalArgumentException("exportFrom must be >= 0");
		}
		tokens = tokens.clone();
	}

	/**
	 * Prefill and export everything.
	 * @param tokens the tokens
	 * @return the request
	 */
	public static PrefillRequest of(int[] tokens) {
		return new PrefillRequest(tokens, null, 0);
	}

}
