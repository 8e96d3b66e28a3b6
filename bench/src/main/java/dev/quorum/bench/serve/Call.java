// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.List;

import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;

/**
 * One benchmark request.
 *
 * @param endpoint chat or completions
 * @param model the model name
 * @param prompt the user message (chat) or prompt text (completions)
 * @param maxTokens most tokens to generate per choice
 * @param n choices
 * @param temperature sampling temperature (0 is greedy)
 * @param seed sampling seed, or null
 * @param stream whether to stream (with usage in the last chunk)
 */
public record Call(Endpoint endpoint, String model, String prompt, int maxTokens, int n, double temperature, Long seed,
		boolean stream) {

	/**
	 * The JSON body, built from the OpenAI wire records.
	 * @return the body
	 */
	public String body() {
		Object request = switch (this.endpoint) {
			case CHAT ->
				CreateChatCompletionRequest.of(this.model, List.of(ChatCompletionRequestMessage.user(this.prompt)))
					.withMaxTokens(this.maxTokens)
					.withSampling(this.n, this.temperature, null, this.seed)
					.withStream(this.stream, true);
			case COMPLETIONS -> CreateCompletionRequest.of(this.model, CompletionPrompt.of(this.prompt), this.maxTokens)
				.withSampling(this.n, this.temperature, null, this.seed)
				.withStream(this.stream, true);
		};
		return OpenAiJson.mapper().writeValueAsString(request);
	}

	/**
	 * A copy with another prompt.
	 * @param text the prompt
	 * @return the call
	 */
	public Call withPrompt(String text) {
		return new Call(this.endpoint, this.model, text, this.maxTokens, this.n, this.temperature, this.seed,
				this.stream);
	}

	/**
	 * A copy with another number of choices.
	 * @param choices n
	 * @return the call
	 */
	public Call withN(int choices) {
		return new Call(this.endpoint, this.model, this.prompt, this.maxTokens, choices, this.temperature, this.seed,
				this.stream);
	}

	/**
	 * A copy, streaming or not.
	 * @param on whether to stream
	 * @return the call
	 */
	public Call withStream(boolean on) {
		return new Call(this.endpoint, this.model, this.prompt, this.maxTokens, this.n, this.temperature, this.seed,
				on);
	}

	/**
	 * A copy with another token limit.
	 * @param tokens max tokens
	 * @return the call
	 */
	public Call withMaxTokens(int tokens) {
		return new Call(this.endpoint, this.model, this.prompt, tokens, this.n, this.temperature, this.seed,
				this.stream);
	}

}
