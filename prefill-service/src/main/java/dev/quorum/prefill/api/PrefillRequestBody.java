// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /internal/v1/prefill}: the prompt's token ids, and the chunk size the
 * caller hashes with (it must be this service's).
 *
 * @param model the served model id
 * @param tokens the prompt's token ids (the whole prompt; only its content-addressed
 * chunks are computed)
 * @param chunkTokens tokens per chunk the caller expects
 */
public record PrefillRequestBody(@JsonProperty("model") String model, @JsonProperty("tokens") int[] tokens,
		@JsonProperty("chunkTokens") Integer chunkTokens) {
}
