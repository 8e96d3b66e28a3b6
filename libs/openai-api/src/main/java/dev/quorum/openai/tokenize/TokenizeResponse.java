// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.tokenize;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * vLLM's tokenize response: {@code {"count","max_model_len","tokens"}}.
 *
 * @param count the number of tokens
 * @param maxModelLen the model's context length in tokens
 * @param tokens the token ids
 */
public record TokenizeResponse(@JsonProperty("count") int count, @JsonProperty("max_model_len") int maxModelLen,
		@JsonProperty("tokens") List<Integer> tokens) {

	/**
	 * Copies the list so the record is immutable.
	 */
	public TokenizeResponse {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

	/**
	 * A response for some token ids.
	 * @param tokens the ids
	 * @param maxModelLen the context length
	 * @return the response, {@code count} set
	 */
	public static TokenizeResponse of(int[] tokens, int maxModelLen) {
		return new TokenizeResponse(tokens.length, maxModelLen, IntStream.of(tokens).boxed().toList());
	}

	/**
	 * The token ids as an array.
	 * @return a new array
	 */
	public int[] tokenArray() {
		return this.tokens.stream().mapToInt(Integer::intValue).toArray();
	}

}
