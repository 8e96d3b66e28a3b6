// SPDX-License-Identifier: Apache-2.0
package dev.quorum.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendered Kubernetes manifests, parsed for assertions.
 */
final class Manifests {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private final List<JsonNode> documents;

	private Manifests(List<JsonNode> documents) {
		this.documents = documents;
	}

	static Manifests parse(String rendered) {
		List<JsonNode> documents = new ArrayList<>();
		for (String part : rendered.split("(?m)^---\\s*$")) {
			if (part.isBlank()) {
				continue;
			}
			JsonNode node = yaml.readTree(part);
			if (node != null && node.isObject() && node.has("kind")) {
				documents.add(node);
			}
		}
		return new Manifests(documents);
	}

	List<JsonNode> all() {
		return this.documents;
	}

	List<JsonNode> ofKind(String kind) {
		return this.documents.stream().filter((d) -> kind.equals(d.path("kind").asString())).toList();
	}

	JsonNode one(String kind, String component) {
		return ofKind(kind).stream()
			.filter((d) -> component
				.equals(d.path("metadata").path("labels").path("app.kubernetes.io/component").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " for component " + component));
	}

	static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

}
