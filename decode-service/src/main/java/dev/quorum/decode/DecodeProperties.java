// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of decode-service under {@code quorum.decode}; each one can be set from the
 * environment, e.g. {@code QUORUM_DECODE_CHUNKTOKENS}.
 *
 * @param chunkTokens Tokens per KV chunk; must match prefill-service.
 * @param remotePrefillMinTokens Uncached prompt tokens from which prefill is sent to
 * prefill-service rather than done locally.
 * @param prefillUri Base URI of prefill-service.
 */
@Validated
@ConfigurationProperties("quorum.decode")
public record DecodeProperties(
		/** Tokens per KV chunk; must match prefill-service. */
		@Min(1) @Max(1024) @DefaultValue("32") int chunkTokens,

		/**
		 * Uncached prompt tokens from which prefill is sent to prefill-service rather
		 * than done locally.
		 */
		@Min(0) @DefaultValue("256") int remotePrefillMinTokens,

		/** Base URI of prefill-service. */
		@NotNull @DefaultValue("http://localhost:8082") URI prefillUri) {

}
