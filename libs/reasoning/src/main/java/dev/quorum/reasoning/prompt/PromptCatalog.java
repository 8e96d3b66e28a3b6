// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.prompt;

import java.util.HashMap;
import java.util.Map;

/**
 * Prompt templates per model: the built-in {@link PromptStyle} templates unless a model
 * configures its own for a style (another model family's format). Immutable.
 */
public final class PromptCatalog {

	private static final PromptCatalog BUILT_IN = new PromptCatalog(Map.of());

	private final Map<String, Map<PromptStyle, PromptTemplate>> overrides;

	/**
	 * A catalog with per-model overrides.
	 * @param overrides model name to style to template; models and styles not listed use
	 * the built-in templates
	 */
	public PromptCatalog(Map<String, Map<PromptStyle, PromptTemplate>> overrides) {
		Map<String, Map<PromptStyle, PromptTemplate>> copy = new HashMap<>();
		overrides.forEach((model, styles) -> copy.put(model, Map.copyOf(styles)));
		this.overrides = Map.copyOf(copy);
	}

	/**
	 * The catalog with only the built-in templates.
	 * @return the built-in catalog
	 */
	public static PromptCatalog builtIn() {
		return BUILT_IN;
	}

	/**
	 * Renders the prompt for a model.
	 * @param model the model name
	 * @param style the style
	 * @param question the question
	 * @return the prompt text
	 */
	public String render(String model, PromptStyle style, String question) {
		PromptTemplate template = this.overrides.getOrDefault(model, Map.of()).get(style);
		return ((template != null) ? template : style.template()).render(question);
	}

}
