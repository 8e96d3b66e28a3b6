// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code stream_options} of chat and text completions; only allowed with
 * {@code stream: true}.
 *
 * @param includeUsage when true, one more chunk with empty {@code choices} and the
 * request's {@code usage} is sent before {@code data: [DONE]}; every other chunk carries
 * {@code "usage": null}
 */
@JsonInclude(Include.NON_NULL)
public record ChatCompletionStreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {

	/**
	 * Options asking for (or not) the usage chunk.
	 * @param includeUsage whether to send the usage chunk
	 * @return the options
	 */
	public static ChatCompletionStreamOptions of(boolean includeUsage) {
		return new ChatCompletionStreamOptions(includeUsage);
	}

	/**
	 * Whether the usage chunk was asked for (absent means no).
	 * @return true when {@code include_usage} is true
	 */
	public boolean wantsUsage() {
		return Boolean.TRUE.equals(this.includeUsage);
	}

}
