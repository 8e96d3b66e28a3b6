// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.hash;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.chunk.KvDtype;

/**
 * Everything two services must share for a KV chunk of one to be valid for the other: the
 * model's bytes, the stored dtype, the blob layout and the chunk size. Its
 * {@link #canonical() canonical string} is the root of the hash chain.
 *
 * @param modelFingerprint SHA-256 of the whole GGUF file, 64 lowercase hex digits
 * @param dtype the dtype chunks are stored in
 * @param layoutVersion the blob layout ({@link KvChunkCodec#FORMAT_VERSION})
 * @param chunkTokens tokens per chunk
 */
public record KvNamespace(String modelFingerprint, KvDtype dtype, int layoutVersion, int chunkTokens) {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException when the fingerprint is not 64 lowercase hex
	 * digits or a number is below 1
	 */
	public KvNamespace {
		if (modelFingerprint == null || !SHA256_HEX.matcher(modelFingerprint).matches()) {
			throw new IllegalArgumentException("The model fingerprint must be a SHA-256 as 64 lowercase hex digits");
		}
		if (dtype == null) {
			throw new IllegalArgumentException("The KV dtype is required");
		}
		if (layoutVersion < 1 || chunkTokens < 1) {
			throw new IllegalArgumentException("layoutVersion and chunkTokens must be positive");
		}
	}

	/**
	 * The namespace of the current blob layout.
	 * @param modelFingerprint SHA-256 of the GGUF file, lowercase hex
	 * @param dtype the stored dtype
	 * @param chunkTokens tokens per chunk
	 * @return the namespace
	 */
	public static KvNamespace of(String modelFingerprint, KvDtype dtype, int chunkTokens) {
		return new KvNamespace(modelFingerprint, dtype, KvChunkCodec.FORMAT_VERSION, chunkTokens);
	}

	/**
	 * The string hashed into {@code h_0}, ASCII:
	 * {@code quorum-kv;model=<fingerprint>;dtype=<f32|f16|q8>;layout=<n>;chunk_tokens=<n>},
	 * numbers in decimal without leading zeros.
	 * @return the canonical string
	 */
	public String canonical() {
		return "quorum-kv;model=" + this.modelFingerprint + ";dtype=" + this.dtype.wireName() + ";layout="
				+ this.layoutVersion + ";chunk_tokens=" + this.chunkTokens;
	}

	byte[] canonicalBytes() {
		return canonical().getBytes(StandardCharsets.US_ASCII);
	}

}
