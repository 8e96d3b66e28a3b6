// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of decode-service under {@code quorum.decode} (e.g.
 * {@code QUORUM_DECODE_REMOTEPREFILLMINTOKENS}, {@code QUORUM_DECODE_PREFILL_URI}). The
 * models and engine are {@code quorum.models[]} and {@code quorum.engine}, the KV store
 * {@code quorum.kv}, all shared with prefill-service.
 *
 * @param remotePrefillMinTokens uncached prompt tokens from which the prompt's chunks are
 * computed by prefill-service rather than here (conditional disaggregation)
 * @param prefill how prefill-service is called
 * @param limits what a request may ask for
 * @param publishPrefixes write the chunks of prompts prefilled here to Redis behind the
 * response (write-behind), so other replicas, and this one after a restart, can reuse
 * them
 */
@Validated
@ConfigurationProperties("quorum.decode")
public record DecodeProperties(@DefaultValue("256") @Min(0) int remotePrefillMinTokens,
		@Valid @DefaultValue Prefill prefill, @Valid @DefaultValue Limits limits,
		@DefaultValue("true") boolean publishPrefixes) {

	/**
	 * The call to prefill-service, behind the {@code prefill} circuit breaker. When it
	 * fails, times out or the circuit is open, the prompt is prefilled locally.
	 *
	 * @param uri base URI of prefill-service
	 * @param timeout longest wait for its reply
	 * @param enabled whether to use it at all (off: always prefill locally)
	 */
	public record Prefill(@NotNull @DefaultValue("http://localhost:8082") URI uri,
			@DefaultValue("30s") Duration timeout, @DefaultValue("true") boolean enabled) {
	}

	/**
	 * Request caps beyond OpenAI's own ranges.
	 *
	 * @param maxN most choices per request
	 * @param maxTokens most tokens a request may ask to generate per choice
	 * @param maxPrompts most prompts in one {@code /v1/completions} request
	 */
	public record Limits(@DefaultValue("16") @Min(1) @Max(128) int maxN, @DefaultValue("4096") @Min(1) int maxTokens,
			@DefaultValue("16") @Min(1) int maxPrompts) {
	}

}
