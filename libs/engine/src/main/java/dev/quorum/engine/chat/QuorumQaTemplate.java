// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;
import java.util.Set;

/**
 * The shipped tiny models' format, which is their training prompt: a user message is
 * {@code Q: content\n}; when its last line is an instruction ({@code Let's think step by
 * step.} or {@code Answer directly.}) the answer follows at once, otherwise after
 * {@code A:\n}. An assistant message is {@code content\n}. System messages are dropped
 * (the models never saw one).
 */
final class QuorumQaTemplate implements ChatTemplate {

	static final String NAME = "quorum-qa";

	private static final Set<String> INSTRUCTIONS = Set.of("Let's think step by step.", "Answer directly.");

	private static final String ANSWER = "A:\n";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
		StringBuilder out = new StringBuilder();
		boolean answerOpen = false; // whether the last user turn still owes its "A:\n"
		for (ChatMessage message : messages) {
			switch (message.role()) {
				case "system" -> {
				}
				case "user" -> {
					out.append("Q: ").append(message.content()).append('\n');
					answerOpen = !endsWithInstruction(message.content());
				}
				case "assistant" -> {
					out.append(answerOpen ? ANSWER : "").append(message.content()).append('\n');
					answerOpen = false;
				}
				default -> throw new IllegalArgumentException(
						"chat template " + NAME + " has no role '" + message.role() + "' (system, user, assistant)");
			}
		}
		if (addGenerationPrompt && answerOpen) {
			out.append(ANSWER);
		}
		return out.toString();
	}

	private static boolean endsWithInstruction(String content) {
		return INSTRUCTIONS.contains(content.substring(content.lastIndexOf('\n') + 1));
	}

}
