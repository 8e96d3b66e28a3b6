// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.reasoning.pipeline.CandidateSource;
import dev.quorum.reasoning.prompt.PromptCatalog;
import dev.quorum.reasoning.strategy.ModelSpec;

/**
 * Every model the strategies can use, local and external, by name, with their prompt
 * templates. Immutable; built once at start-up.
 */
public final class ModelCatalog {

	private final Map<String, ModelEndpoint> models;

	private final PromptCatalog prompts;

	ModelCatalog(Collection<ModelEndpoint> models, PromptCatalog prompts) {
		Map<String, ModelEndpoint> byName = new LinkedHashMap<>();
		for (ModelEndpoint model : models) {
			if (byName.putIfAbsent(model.name(), model) != null) {
				throw new IllegalArgumentException("model '" + model.name() + "' is configured twice");
			}
		}
		this.models = byName;
		this.prompts = prompts;
	}

	/**
	 * A model's source for one request.
	 * @param name the model name
	 * @param scope the request's scope
	 * @return the source, or null for an unknown model
	 */
	public CandidateSource source(String name, RequestScope scope) {
		ModelEndpoint model = this.models.get(name);
		return (model != null) ? new ModelSource(model, scope) : null;
	}

	/**
	 * Whether a model is configured.
	 * @param name the model name
	 * @return whether it is known
	 */
	public boolean contains(String name) {
		return this.models.containsKey(name);
	}

	/**
	 * A model with its configured weight and ensemble samples.
	 * @param name a known model name
	 * @return the spec
	 */
	public ModelSpec spec(String name) {
		ModelEndpoint model = this.models.get(name);
		return (model != null) ? new ModelSpec(name, model.weight(), model.n()) : ModelSpec.of(name);
	}

	/**
	 * The configured model names, local ones first.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(this.models.keySet());
	}

	/**
	 * The prompt templates of every model.
	 * @return the catalog
	 */
	public PromptCatalog prompts() {
		return this.prompts;
	}

}
