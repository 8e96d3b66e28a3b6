// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.hash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Content addresses of a prompt's full KV chunks, identical in every process that shares
 * a {@link KvNamespace} (no JVM-seeded hash anywhere):
 *
 * <pre>
 * h_0 = trunc128(SHA-256(ascii(namespace.canonical())))
 * h_i = trunc128(SHA-256(h_(i-1) ‖ u32le(t_0) ‖ … ‖ u32le(t_(c-1))))   chunk i = 1, 2, …
 * key_i = "quorum:kv:" + hex(h_0) + ":" + hex(h_i)
 * </pre>
 *
 * {@code trunc128} keeps the first 16 bytes of the digest; the 16-byte truncated value is
 * what is chained; {@code c} = chunkTokens; hex is lowercase. Only full chunks are
 * hashed, and when the prompt ends exactly on a chunk boundary its last chunk is not (see
 * {@link #chunkCount}). Immutable and thread-safe.
 */
public final class ChunkHasher {

	/** Prefix of every chunk key. */
	public static final String KEY_PREFIX = "quorum:kv:";

	private static final HexFormat HEX = HexFormat.of();

	private static final int HASH_BYTES = 16;

	private final KvNamespace namespace;

	private final byte[] root;

	private final String keyPrefix;

	/**
	 * A hasher for one namespace.
	 * @param namespace the namespace
	 */
	public ChunkHasher(KvNamespace namespace) {
		this.namespace = namespace;
		this.root = truncatedSha256(namespace.canonicalBytes());
		this.keyPrefix = KEY_PREFIX + HEX.formatHex(this.root) + ":";
	}

	/**
	 * Number of prompt chunks that are content-addressed: the full chunks, less the last
	 * one when the prompt ends exactly on a chunk boundary, so that the reader always has
	 * at least one prompt token left to compute. {@code (promptLength - 1) / chunkTokens}
	 * for a non-empty prompt, else 0.
	 * @param promptLength prompt tokens
	 * @param chunkTokens tokens per chunk
	 * @return number of chunks
	 */
	public static int chunkCount(int promptLength, int chunkTokens) {
		if (chunkTokens < 1) {
			throw new IllegalArgumentException("chunkTokens must be positive");
		}
		return (promptLength <= 0) ? 0 : (promptLength - 1) / chunkTokens;
	}

	/**
	 * The namespace.
	 * @return the namespace
	 */
	public KvNamespace namespace() {
		return this.namespace;
	}

	/**
	 * {@code hex(h_0)}, the namespace part of every key.
	 * @return 32 lowercase hex digits
	 */
	public String namespaceHash() {
		return HEX.formatHex(this.root);
	}

	/**
	 * The content-addressed chunks of a prompt, in order.
	 * @param prompt the prompt's token ids, each in [0, 2^31)
	 * @return {@link #chunkCount} chunks
	 * @throws IllegalArgumentException for a negative token id
	 */
	public List<ChunkRef> chunks(int[] prompt) {
		int size = this.namespace.chunkTokens();
		int count = chunkCount(prompt.length, size);
		List<ChunkRef> chunks = new ArrayList<>(count);
		MessageDigest sha256 = sha256();
		ByteBuffer tokenBytes = ByteBuffer.allocate(4 * size).order(ByteOrder.LITTLE_ENDIAN);
		byte[] previous = this.root;
		for (int i = 0; i < count; i++) {
			int[] tokens = Arrays.copyOfRange(prompt, i * size, (i + 1) * size);
			tokenBytes.clear();
			for (int token : tokens) {
				if (token < 0) {
					throw new IllegalArgumentException("Token ids must not be negative, got " + token);
				}
				tokenBytes.putInt(token);
			}
			sha256.update(previous);
			sha256.update(tokenBytes.array());
			previous = Arrays.copyOf(sha256.digest(), HASH_BYTES);
			String hash = HEX.formatHex(previous);
			chunks.add(new ChunkRef(i, hash, this.keyPrefix + hash, tokens));
		}
		return chunks;
	}

	/**
	 * The keys of {@link #chunks}, in order.
	 * @param prompt the prompt's token ids
	 * @return the keys
	 */
	public List<String> keys(int[] prompt) {
		return chunks(prompt).stream().map(ChunkRef::key).toList();
	}

	private static byte[] truncatedSha256(byte[] input) {
		return Arrays.copyOf(sha256().digest(input), HASH_BYTES);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
