// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.hash;

/**
 * One full chunk of a prompt and its Redis key.
 *
 * @param index position of the chunk in the prompt, from 0; its tokens start at
 * {@code index * chunkTokens}
 * @param hash {@code h_(index+1)} of the chain, 32 lowercase hex digits
 * @param key {@code quorum:kv:{namespaceHash}:{hash}}
 * @param tokens the chunk's token ids (a copy), (chunkTokens)
 */
public record ChunkRef(int index, String hash, String key, int[] tokens) {

}
