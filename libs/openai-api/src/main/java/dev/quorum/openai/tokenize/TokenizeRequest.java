// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.tokenize;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;

/**
 * vLLM's tokenize request, in its two forms: a {@code prompt} tokenized as is, or
 * {@code messages} rendered with the model's chat template first. Exactly one of the two
 * is set. Null flags take vLLM's defaults: {@code add_generation_prompt} true, and
 * {@code add_special_tokens} true for a prompt, false for messages (the template already
 * holds them).
 *
 * @param model the model whose tokenizer and template to use
 * @param prompt the text, or null
 * @param messages the conversation, or null
 * @param addGenerationPrompt with messages, whether to end with the assistant header
 * @param addSpecialTokens whether to add BOS (and other special tokens)
 */
@JsonInclude(Include.NON_NULL)
public record TokenizeRequest(@JsonProperty("model") String model, @JsonProperty("prompt") String prompt,
		@JsonProperty("messages") List<ChatCompletionRequestMessage> messages,
		@JsonProperty("add_generation_prompt") Boolean addGenerationPrompt,
		@JsonProperty("add_special_tokens") Boolean addSpecialTokens) {

	/**
	 * Checks that exactly one input is set and copies the messages.
	 */
	public TokenizeRequest {
		if ((prompt == null) == (messages == null)) {
			throw new IllegalArgumentException("exactly one of prompt and messages must be set");
		}
		messages = (messages != null) ? List.copyOf(messages) : null;
	}

	/**
	 * Tokenizes a text.
	 * @param model the model
	 * @param prompt the text
	 * @return the request, flags at their defaults
	 */
	public static TokenizeRequest ofPrompt(String model, String prompt) {
		return new TokenizeRequest(model, prompt, null, null, null);
	}

	/**
	 * Tokenizes a conversation through the chat template.
	 * @param model the model
	 * @param messages the conversation
	 * @param addGenerationPrompt whether to end with the assistant header
	 * @return the request
	 */
	public static TokenizeRequest ofMessages(String model, List<ChatCompletionRequestMessage> messages,
			boolean addGenerationPrompt) {
		return new TokenizeRequest(model, null, messages, addGenerationPrompt, null);
	}

	/**
	 * Whether to add special tokens, with vLLM's default applied.
	 * @return the flag, or its default for this form
	 */
	public boolean specialTokens() {
		return (this.addSpecialTokens != null) ? this.addSpecialTokens : (this.prompt != null);
	}

	/**
	 * Whether to end the template with the assistant header, with the default applied.
	 * @return the flag, true by default
	 */
	public boolean generationPrompt() {
		return !Boolean.FALSE.equals(this.addGenerationPrompt);
	}

}
