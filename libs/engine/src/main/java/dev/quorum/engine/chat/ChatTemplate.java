// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;

/**
 * Renders a conversation into the prompt text a model was trained on.
 * <p>
 * The text holds no BOS: encode it with {@code addBos = true} (the tokenizer adds BOS
 * when the model asks for it) and {@code parseSpecial = true} (so markers such as
 * {@code <|eot_id|>} become their token ids), as llama.cpp does with its built-in
 * templates.
 */
public interface ChatTemplate {

	/**
	 * The template's name, as {@link ChatTemplates#forName(String)} takes it.
	 * @return the name
	 */
	String name();

	/**
	 * Renders messages.
	 * @param messages the conversation in order
	 * @param addGenerationPrompt whether to end with the text that opens the assistant's
	 * reply
	 * @return the prompt text
	 */
	String render(List<ChatMessage> messages, boolean addGenerationPrompt);

}
