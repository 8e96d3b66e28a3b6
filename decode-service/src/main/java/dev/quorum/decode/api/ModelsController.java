// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import dev.quorum.openai.models.ListModelsResponse;
import dev.quorum.openai.models.Model;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: the served models, with vLLM's
 * {@code max_model_len}.
 */
@RestController
class ModelsController {

	private final ModelRegistry models;

	ModelsController(ModelRegistry models) {
		this.models = models;
	}

	@GetMapping("/v1/models")
	ListModelsResponse list() {
		return ListModelsResponse.of(this.models.all().stream().map(ModelsController::model).toList());
	}

	@GetMapping("/v1/models/{id}")
	Model get(@PathVariable String id) {
		return model(this.models.get(id));
	}

	private static Model model(ServedModel served) {
		return Model.of(served.id(), served.created(), "quorum", served.contextLength());
	}

}
