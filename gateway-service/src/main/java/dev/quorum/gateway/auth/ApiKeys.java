// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.quorum.gateway.GatewayProperties.ApiKey;

/**
 * The accepted keys, indexed by SHA-256. A presented key is hashed and looked up; the
 * plain key is never stored or logged.
 */
final class ApiKeys {

	private final Map<String, ApiKey> bySha256;

	ApiKeys(List<ApiKey> keys) {
		this.bySha256 = keys.stream()
			.collect(Collectors.toUnmodifiableMap((k) -> k.sha256().toLowerCase(Locale.ROOT), Function.identity()));
	}

	/**
	 * Finds the configured key a presented key matches.
	 * @param presented the bearer token as sent
	 * @return the key, or null
	 */
	ApiKey find(String presented) {
		return this.bySha256.get(sha256Hex(presented));
	}

	/** Number of configured keys. */
	int size() {
		return this.bySha256.size();
	}

	static String sha256Hex(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
