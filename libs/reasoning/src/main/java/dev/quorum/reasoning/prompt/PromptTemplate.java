// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.prompt;

/**
 * A prompt template with exactly one {@code {q}} placeholder for the question.
 *
 * @param template the template text
 */
public record PromptTemplate(String template) {

	private static final String PLACEHOLDER = "{q}";

	public PromptTemplate {
		int at = (template != null) ? template.indexOf(PLACEHOLDER) : -1;
		if (at < 0 || template.indexOf(PLACEHOLDER, at + 1) >= 0) {
			throw new IllegalArgumentException("a prompt template needs exactly one {q} placeholder: " + template);
		}
	}

	/**
	 * Substitutes the question (inserted verbatim, never interpreted).
	 * @param question the question
	 * @return the prompt
	 */
	public String render(String question) {
		return this.template.replace(PLACEHOLDER, question);
	}

}
