// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;

/**
 * Llama 3 Instruct: each message as
 * {@code <|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>} with the content
 * trimmed, as Meta's template and llama.cpp's built-in one do.
 */
final class Llama3Template implements ChatTemplate {

	static final String NAME = "llama3";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
		StringBuilder out = new StringBuilder();
		for (ChatMessage message : messages) {
			header(out, message.role()).append(message.content().strip()).append("<|eot_id|>");
		}
		if (addGenerationPrompt) {
			header(out, "assistant");
		}
		return out.toString();
	}

	private static StringBuilder header(StringBuilder out, String role) {
		return out.append("<|start_header_id|>").append(role).append("<|end_header_id|>\n\n");
	}

}
