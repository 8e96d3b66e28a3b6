// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of prefill-service under {@code quorum.prefill}; each one can be set from the
 * environment, e.g. {@code QUORUM_PREFILL_CHUNKTOKENS}.
 *
 * @param chunkTokens Tokens per KV chunk; part of the Redis key namespace, so prefill and
 * decode must agree.
 */
@Validated
@ConfigurationProperties("quorum.prefill")
public record PrefillProperties(
		/**
		 * Tokens per KV chunk; part of the Redis key namespace, so prefill and decode
		 * must agree.
		 */
		@Min(1) @Max(1024) @DefaultValue("32") int chunkTokens) {

}
