// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;
import java.util.Map;

/**
 * The chat templates the engine knows, by name or by what a model's
 * {@code tokenizer.chat_template} contains.
 */
public final class ChatTemplates {

	/** The GGUF key that holds a model's Jinja chat template. */
	public static final String METADATA_KEY = "tokenizer.chat_template";

	private static final List<ChatTemplate> ALL = List.of(new Llama3Template(), new ChatMlTemplate(),
			new QuorumQaTemplate());

	private ChatTemplates() {
	}

	/**
	 * The names {@link #forName(String)} accepts.
	 * @return {@code llama3}, {@code chatml}, {@code quorum-qa}
	 */
	public static List<String> names() {
		return ALL.stream().map(ChatTemplate::name).toList();
	}

	/**
	 * Finds a template by name.
	 * @param name a name from {@link #names()}
	 * @return the template
	 * @throws IllegalArgumentException naming the unknown template
	 */
	public static ChatTemplate forName(String name) {
		for (ChatTemplate template : ALL) {
			if (template.name().equals(name)) {
				return template;
			}
		}
		throw new IllegalArgumentException("unknown chat template '" + name + "' (known: " + names() + ")");
	}

	/**
	 * Recognises a model's template from markers in its {@code tokenizer.chat_template}:
	 * the literal {@code quorum-qa}, then {@code <|start_header_id|>} (Llama 3), then
	 * {@code <|im_start|>} (ChatML). The Jinja itself is not run.
	 * @param metadata GGUF metadata
	 * @return the template
	 * @throws IllegalArgumentException when the key is missing or nothing is recognised;
	 * the caller should then use a configured name
	 */
	public static ChatTemplate detect(Map<String, Object> metadata) {
		Object value = metadata.get(METADATA_KEY);
		if (!(value instanceof String jinja)) {
			throw new IllegalArgumentException("the model has no " + METADATA_KEY
					+ "; configure a chat template by name (one of " + names() + ")");
		}
		if (jinja.contains(QuorumQaTemplate.NAME)) {
			return forName(QuorumQaTemplate.NAME);
		}
		if (jinja.contains("<|start_header_id|>")) {
			return forName(Llama3Template.NAME);
		}
		if (jinja.contains("<|im_start|>")) {
			return forName(ChatMlTemplate.NAME);
		}
		throw new IllegalArgumentException("the model's " + METADATA_KEY
				+ " matches no known template (looked for quorum-qa, <|start_header_id|>, <|im_start|>);"
				+ " configure a chat template by name (one of " + names() + ")");
	}

}
