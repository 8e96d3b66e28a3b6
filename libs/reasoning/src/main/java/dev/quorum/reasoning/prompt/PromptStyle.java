// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.prompt;

import dev.quorum.reasoning.WireNamed;

/**
 * The prompt formats the shipped reasoners were trained on, byte for byte ({@code {q}} is
 * the question; each template ends with a newline).
 */
public enum PromptStyle implements WireNamed {

	/** Chain of thought: {@code "Q: {q}\nLet's think step by step.\n"}. */
	COT("Q: {q}\nLet's think step by step.\n"),

	/** Direct answer: {@code "Q: {q}\nAnswer directly.\n"}. */
	DIRECT("Q: {q}\nAnswer directly.\n"),

	/** The natural QA prompt CoT-decoding uses: {@code "Q: {q}\nA:\n"}. */
	PLAIN("Q: {q}\nA:\n");

	private final PromptTemplate template;

	PromptStyle(String template) {
		this.template = new PromptTemplate(template);
	}

	/**
	 * The built-in template.
	 * @return the template
	 */
	public PromptTemplate template() {
		return this.template;
	}

	/**
	 * Renders the built-in template.
	 * @param question the question
	 * @return the prompt
	 */
	public String render(String question) {
		return this.template.render(question);
	}

	/**
	 * Parses the wire name ({@code cot}, {@code direct}, {@code plain}).
	 * @param name the name, case-insensitive
	 * @return the style
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static PromptStyle parse(String name) {
		return WireNamed.parse(values(), name, "prompt_style");
	}

}
