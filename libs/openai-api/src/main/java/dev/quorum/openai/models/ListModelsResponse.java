// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /v1/models} ({@code ListModelsResponse}):
 * {@code {"object":"list","data":[...]}}.
 *
 * @param object always {@code list}
 * @param data the models
 */
public record ListModelsResponse(@JsonProperty("object") String object, @JsonProperty("data") List<Model> data) {

	/**
	 * Copies the list so the record is immutable.
	 */
	public ListModelsResponse {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/**
	 * A model list.
	 * @param data the models
	 * @return the response
	 */
	public static ListModelsResponse of(List<Model> data) {
		return new ListModelsResponse("list", data);
	}

}
