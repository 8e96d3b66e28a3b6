// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import dev.quorum.engine.kv.KvSlice;

/**
 * The outcome of a {@link PrefillRequest}.
 *
 * @param kv keys and values of tokens {@code [exportFrom, fullBlocks * blockSize)}
 * @param reusedTokens leading tokens whose KV came from the local prefix cache or the
 * import
 * @param computedTokens tokens computed by this request
 * @param queueNanos time waiting for admission
 * @param computeNanos time from admission to the last block computed
 */
public record PrefillResult(KvSlice kv, int reusedTokens, int computedTokens, long queueNanos, long computeNanos) {
}
