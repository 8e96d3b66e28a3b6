// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.Arrays;

import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.kv.KvSlice;

/**
 * Validation of submitted requests on the caller's thread, so that bad input is rejected
 * with a clear message before it reaches the engine thread.
 */
final class RequestChecks {

	private final int vocab;

	private final KvCache cache;

	RequestChecks(int vocab, KvCache cache) {
		this.vocab = vocab;
		this.cache = cache;
	}

	void tokens(int[] tokens) {
		for (int t : tokens) {
			if (t < 0 || t >= this.vocab) {
				throw new IllegalArgumentException(
						"token id " + t + " is outside the vocabulary [0, " + this.vocab + ")");
			}
		}
	}

	void imported(KvSlice kv, int[] tokens) {
		if (kv == null) {
			return;
		}
		int bs = this.cache.blockSize();
		if (kv.start() < 0 || kv.start() % bs != 0 || kv.length() % bs != 0
				|| kv.start() + kv.length() > tokens.length) {
			throw new IllegalArgumentException("imported KV must cover whole blocks of " + bs
					+ " tokens of the sequence, got [" + kv.start() + ", " + (kv.start() + kv.length()) + ")");
		}
		if (kv.layers() != this.cache.layers() || kv.kvDim() != this.cache.kvDim()) {
			throw new IllegalArgumentException("imported KV has " + kv.layers() + " layers x " + kv.kvDim()
					+ " floats per token; the model needs " + this.cache.layers() + " x " + this.cache.kvDim());
		}
		if (!Arrays.equals(kv.tokens(), 0, kv.length(), tokens, kv.start(), kv.start() + kv.length())) {
			throw new IllegalArgumentException("imported KV was computed for other tokens than the sequence's");
		}
	}

}
