// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reply: every listed chunk is in Redis when it is sent. Never logits: decode
 * processes the last prompt token itself.
 *
 * @param model the model id
 * @param modelFingerprint SHA-256 of the model file (part of the key namespace)
 * @param chunks hashes of the stored leading chunks, in prompt order
 * @param reusedChunks how many of them were already stored
 * @param computedChunks how many were computed and written now
 * @param timings where the time went, in milliseconds
 */
public record PrefillResponseBody(@JsonProperty("model") String model,
		@JsonProperty("modelFingerprint") String modelFingerprint, @JsonProperty("chunks") List<String> chunks,
		@JsonProperty("reusedChunks") int reusedChunks, @JsonProperty("computedChunks") int computedChunks,
		@JsonProperty("timings") Timings timings) {

	/**
	 * Milliseconds spent.
	 *
	 * @param lookupMs finding the stored prefix in Redis
	 * @param loadMs reading stored chunks the engine needed to continue from
	 * @param queueMs waiting for the engine
	 * @param computeMs computing KV
	 * @param storeMs writing chunks
	 * @param totalMs the whole request
	 */
	public record Timings(@JsonProperty("lookupMs") double lookupMs, @JsonProperty("loadMs") double loadMs,
			@JsonProperty("queueMs") double queueMs, @JsonProperty("computeMs") double computeMs,
			@JsonProperty("storeMs") double storeMs, @JsonProperty("totalMs") double totalMs) {
	}

}
