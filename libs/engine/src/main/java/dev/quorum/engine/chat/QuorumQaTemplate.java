// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;
import java.util.Set;

/**
 * The shipped tiny models' format, which is their training prompt: a user message is
 * {@code Q: content\n}; when its last line is an instruction ({@code Let's think step by
 * step.} or {@code Answer directly.}) the answer follows at once, otherwise after
 * {@code A:\n} (left out only for a last user message without a generation prompt). An
 * assistant message is {@code content\n}. System and developer messages are dropped (the
 * models never saw one).
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
		// mirrors the Jinja template the exporter writes into the shipped GGUF files
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < messages.size(); i++) {
			ChatMessage message = messages.get(i);
			boolean last = i == messages.size() - 1;
			switch (message.role()) {
				case "system", "developer" -> {
				}
				case "user" -> {
					out.append("Q: ").append(message.content()).append('\n');
					if (!endsWithInstruction(message.content()) && (!last || addGenerationPrompt)) {
						out.append(ANSWER);
					}
				}
				case "assistant" -> out.append(message.content()).append('\n');
				default -> throw new IllegalArgumentException("chat template " + NAME + " has no role '"
						+ message.role() + "' (system, developer, user, assistant)");
			}
		}
		return out.toString();
	}

	private static boolean endsWithInstruction(String content) {
		return INSTRUCTIONS.contains(content.substring(content.lastIndexOf('\n') + 1));
	}

}
