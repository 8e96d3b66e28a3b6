// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach one OpenAI-compatible backend.
 *
 * @param baseUrl the API root as OpenAI SDKs take it, e.g. {@code http://decode:8081/v1}
 * @param apiKey sent as {@code Authorization: Bearer <key>}; null or blank for none.
 * Never logged: {@link #toString()} masks it
 * @param connectTimeout the limit on opening a connection
 * @param responseTimeout the longest silence allowed: before the response headers, and
 * between two reads of a body or stream (so long streams are fine while tokens flow)
 * @param maxResponseBytes the largest non-streamed body, or single stream event, accepted
 * @param tokenizePath the tokenize endpoint relative to {@code baseUrl}: {@code tokenize}
 * for Quorum ({@code /v1/tokenize}), {@code ../tokenize} for vLLM (which serves it
 * outside {@code /v1})
 */
public record OpenAiClientSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration responseTimeout,
		int maxResponseBytes, String tokenizePath) {

	/**
	 * Default {@link #maxResponseBytes()}: 16 MiB, room for long completions with
	 * logprobs.
	 */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	/**
	 * Checks the settings.
	 */
	public OpenAiClientSettings {
		if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
		}
		if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout must be positive");
		}
		if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
			throw new IllegalArgumentException("responseTimeout must be positive");
		}
		if (maxResponseBytes < 1024) {
			throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
		}
		apiKey = (apiKey == null || apiKey.isBlank()) ? null : apiKey.strip();
		tokenizePath = (tokenizePath == null || tokenizePath.isBlank()) ? "tokenize" : tokenizePath;
	}

	/**
	 * Settings with default limits and Quorum's tokenize path.
	 * @param baseUrl the API root, e.g. {@code http://decode:8081/v1}
	 * @param apiKey the key, or null
	 * @param connectTimeout the connect limit
	 * @param responseTimeout the silence limit
	 * @return the settings
	 */
	public static OpenAiClientSettings of(String baseUrl, String apiKey, Duration connectTimeout,
			Duration responseTimeout) {
		return new OpenAiClientSettings(URI.create(baseUrl), apiKey, connectTimeout, responseTimeout,
				DEFAULT_MAX_RESPONSE_BYTES, "tokenize");
	}

	/**
	 * Resolves an endpoint path against the base URL (which is treated as a directory).
	 * @param path a relative path, e.g. {@code chat/completions}
	 * @return the absolute URL
	 */
	public URI resolve(String path) {
		String base = this.baseUrl.toString();
		return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
	}

	@Override
	public String toString() {
		return "OpenAiClientSettings[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "****" : "none")
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
				+ ", maxResponseBytes=" + this.maxResponseBytes + ", tokenizePath=" + this.tokenizePath + "]";
	}

}
