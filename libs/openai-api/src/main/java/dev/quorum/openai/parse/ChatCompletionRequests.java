// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import tools.jackson.databind.JsonNode;

/**
 * Strict parsing of {@code POST /v1/chat/completions} bodies. Unknown fields,
 * known-but-unsupported features, wrong JSON types and out-of-range values all give a 400
 * {@link ApiException} whose {@code param} names the field; nothing is silently ignored
 * except the fields listed in the module README as harmless (user, metadata, ...).
 * <p>
 * {@code max_tokens} and {@code max_completion_tokens} may both be given only with the
 * same value (OpenAI deprecates the first in favour of the second; a client sending two
 * different limits has a bug worth reporting).
 */
public final class ChatCompletionRequests {

	private static final Set<String> OWN_FIELDS = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
			"logprobs", "top_logprobs", "quorum");

	private static final Set<String> KNOWN;

	static {
		Set<String> known = new HashSet<>(OWN_FIELDS);
		known.addAll(Sampling.FIELDS);
		known.addAll(ChatFeatures.FIELDS);
		KNOWN = Set.copyOf(known);
	}

	/** OpenAI's limit on {@code top_logprobs}. */
	static final int MAX_TOP_LOGPROBS = 20;

	private ChatCompletionRequests() {
	}

	/**
	 * Parses a chat completion request.
	 * @param body the JSON body, already parsed (see {@link RequestBodies})
	 * @param limits the service's limits and whether {@code quorum} is accepted
	 * @return the typed request
	 * @throws ApiException 400 naming the field at fault
	 */
	public static CreateChatCompletionRequest parse(JsonNode body, RequestLimits limits) {
		JsonFields fields = JsonFields.root(body);
		fields.rejectUnknown(KNOWN);
		String model = fields.requiredString("model");
		List<ChatCompletionRequestMessage> messages = Messages.read(fields, "messages");
		if (messages == null) {
			throw JsonFields.missing("messages");
		}
		Integer maxTokens = Sampling.maxTokens(fields, "max_tokens", limits);
		Integer maxCompletionTokens = Sampling.maxTokens(fields, "max_completion_tokens", limits);
		if (maxTokens != null && maxCompletionTokens != null && !maxTokens.equals(maxCompletionTokens)) {
			throw ApiException.invalidRequest("max_completion_tokens",
					"'max_tokens' (" + maxTokens + ") and 'max_completion_tokens' (" + maxCompletionTokens
							+ ") disagree; send only 'max_completion_tokens'.");
		}
		Sampling sampling = Sampling.read(fields, limits);
		Boolean logprobs = fields.bool("logprobs");
		Integer topLogprobs = fields.integer("top_logprobs", 0, MAX_TOP_LOGPROBS);
		if (topLogprobs != null && !Boolean.TRUE.equals(logprobs)) {
			throw ApiException.invalidRequest("top_logprobs",
					"Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used.");
		}
		ChatFeatures.check(fields);
		JsonNode quorum = quorum(fields, limits);
		return new CreateChatCompletionRequest(model, messages, maxTokens, maxCompletionTokens, sampling.temperature(),
				sampling.topP(), sampling.n(), sampling.stream(), sampling.streamOptions(), sampling.stop(),
				sampling.seed(), logprobs, topLogprobs, sampling.topK(), sampling.minP(), quorum);
	}

	private static JsonNode quorum(JsonFields fields, RequestLimits limits) {
		JsonNode value = fields.value("quorum");
		if (value == null) {
			return null;
		}
		if (!limits.allowQuorumExtension()) {
			throw JsonFields.unsupported("quorum",
					"the 'quorum' strategy object is only accepted by the ensemble service; "
							+ "name a strategy model (e.g. 'sc-8/tiny-reasoner') or call /v1/reason.");
		}
		if (!value.isObject()) {
			throw JsonFields.typeError("quorum", "an object", value);
		}
		return value.deepCopy();
	}

}
