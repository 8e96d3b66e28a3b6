// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A choice's {@code logprobs} object: one entry per generated token (in a stream chunk,
 * per token of that chunk's delta). Both keys are always written; {@code refusal} is null
 * because Quorum never refuses.
 *
 * @param content the tokens of the content, in order
 * @param refusal the tokens of a refusal; always null here
 */
@JsonInclude(Include.ALWAYS)
public record ChatCompletionLogprobs(@JsonProperty("content") List<ChatCompletionTokenLogprob> content,
		@JsonProperty("refusal") List<ChatCompletionTokenLogprob> refusal) {

	/**
	 * Copies the lists so the record is immutable.
	 */
	public ChatCompletionLogprobs {
		content = (content != null) ? List.copyOf(content) : null;
		refusal = (refusal != null) ? List.copyOf(refusal) : null;
	}

	/**
	 * Logprobs of content tokens.
	 * @param content one entry per token
	 * @return the object
	 */
	public static ChatCompletionLogprobs of(List<ChatCompletionTokenLogprob> content) {
		return new ChatCompletionLogprobs(content, null);
	}

}
