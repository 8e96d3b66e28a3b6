// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;

/**
 * ChatML (Qwen and others): each message as
 * {@code <|im_start|>role\ncontent<|im_end|>\n}.
 */
final class ChatMlTemplate implements ChatTemplate {

	static final String NAME = "chatml";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
		StringBuilder out = new StringBuilder();
		for (ChatMessage message : messages) {
			out.append("<|im_start|>").append(message.role()).append('\n');
			out.append(message.content()).append("<|im_end|>\n");
		}
		if (addGenerationPrompt) {
			out.append("<|im_start|>assistant\n");
		}
		return out.toString();
	}

}
