// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.route;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells chat-completion requests for ensemble-service apart from plain ones: a strategy
 * model name ({@code sc-16/tiny-reasoner}, {@code ensemble/a+b}, see DESIGN.md) or a
 * {@code quorum} object in the body. Everything else, unparsable bodies included, goes to
 * decode-service, which answers with the right error.
 */
final class StrategyModels {

	/**
	 * {@code <strategy>[-<n>]/...}, with the strategy names and aliases ensemble-service
	 * accepts.
	 */
	private static final Pattern STRATEGY_MODEL = Pattern.compile(
			"^(greedy|cot|sc|self-consistency|cot-decoding|cotd|bon|best-of-n|vv|verified-vote|ensemble)(-\\d+)?/.+");

	private final JsonMapper json;

	StrategyModels(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Whether a chat-completion body asks for a reasoning strategy.
	 * @param body the request body as text
	 * @return true for ensemble-service
	 */
	boolean isStrategyRequest(String body) {
		if (body == null || body.isBlank()) {
			return false;
		}
		try {
			JsonNode root = this.json.readTree(body);
			if (!root.isObject()) {
				return false;
			}
			if (root.has("quorum")) {
				return true;
			}
			JsonNode model = root.get("model");
			return model != null && model.isString() && STRATEGY_MODEL.matcher(model.asString()).matches();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
