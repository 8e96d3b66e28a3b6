// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving.kv;

import java.time.Duration;

import dev.quorum.kv.store.FailurePolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How KV chunks are kept in Redis ({@code quorum.kv}), the same for prefill and decode.
 *
 * @param ttl lifetime of a chunk, refreshed on every hit
 * @param timeout longest wait for one Redis call (a batch of chunks is one call)
 * @param failurePolicy when Redis fails or times out: {@code recompute} (default: carry
 * on as if nothing were cached, and count it) or {@code fail} (the request fails with
 * 503)
 */
@Validated
@ConfigurationProperties("quorum.kv")
public record KvProperties(@DefaultValue("1h") Duration ttl, @DefaultValue("2s") Duration timeout,
		@DefaultValue("recompute") FailurePolicy failurePolicy) {
}
