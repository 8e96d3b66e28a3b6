// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of prefill-service under {@code quorum.prefill} (e.g.
 * {@code QUORUM_PREFILL_MAXTOKENS}). The chunk size is the engine's block size,
 * {@code quorum.engine.block-size}, shared with decode-service; models and KV storage are
 * {@code quorum.models[]} and {@code quorum.kv}.
 *
 * @param maxTokens longest token sequence one prefill request may carry
 */
@Validated
@ConfigurationProperties("quorum.prefill")
public record PrefillProperties(@Min(1) @DefaultValue("32768") int maxTokens) {

}
