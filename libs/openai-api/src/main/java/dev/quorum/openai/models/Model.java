// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One served model ({@code Model}, object {@code model}), with vLLM's extra
 * {@code max_model_len} (clients ignore fields they do not know).
 *
 * @param id the name requests use in {@code model}
 * @param object always {@code model}
 * @param created when the model was made available, Unix seconds
 * @param ownedBy the owner, e.g. {@code quorum}
 * @param maxModelLen the context length in tokens, or null to omit
 */
@JsonInclude(Include.NON_NULL)
public record Model(@JsonProperty("id") String id, @JsonProperty("object") String object,
		@JsonProperty("created") long created, @JsonProperty("owned_by") String ownedBy,
		@JsonProperty("max_model_len") Integer maxModelLen) {

	/** The value of {@code object}. */
	public static final String OBJECT = "model";

	/**
	 * A model entry.
	 * @param id the model id
	 * @param created Unix seconds
	 * @param ownedBy the owner
	 * @param maxModelLen the context length, or null
	 * @return the entry
	 */
	public static Model of(String id, long created, String ownedBy, Integer maxModelLen) {
		return new Model(id, OBJECT, created, ownedBy, maxModelLen);
	}

}
