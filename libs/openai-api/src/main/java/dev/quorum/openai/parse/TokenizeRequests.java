// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.tokenize.TokenizeRequest;
import tools.jackson.databind.JsonNode;

/**
 * Strict parsing of vLLM-style {@code POST /v1/tokenize} bodies: {@code model} and
 * exactly one of {@code prompt} (a string) and {@code messages} (as in chat completions);
 * {@code add_generation_prompt} only with messages.
 */
public final class TokenizeRequests {

	private static final Set<String> KNOWN = Set.of("model", "prompt", "messages", "add_generation_prompt",
			"add_special_tokens");

	private TokenizeRequests() {
	}

	/**
	 * Parses a tokenize request.
	 * @param body the JSON body, already parsed (see {@link RequestBodies})
	 * @return the typed request
	 * @throws ApiException 400 naming the field at fault
	 */
	public static TokenizeRequest parse(JsonNode body) {
		JsonFields fields = JsonFields.root(body);
		fields.rejectUnknown(KNOWN);
		String model = fields.requiredString("model");
		String prompt = fields.string("prompt");
		List<ChatCompletionRequestMessage> messages = Messages.read(fields, "messages");
		if ((prompt == null) == (messages == null)) {
			throw ApiException.invalidRequest((prompt == null) ? "prompt" : "messages",
					"Send exactly one of 'prompt' and 'messages'.");
		}
		Boolean addGenerationPrompt = fields.bool("add_generation_prompt");
		if (addGenerationPrompt != null && prompt != null) {
			throw ApiException.invalidRequest("add_generation_prompt",
					"'add_generation_prompt' applies only to 'messages', which go through the chat template.");
		}
		return new TokenizeRequest(model, prompt, messages, addGenerationPrompt, fields.bool("add_special_tokens"));
	}

}
