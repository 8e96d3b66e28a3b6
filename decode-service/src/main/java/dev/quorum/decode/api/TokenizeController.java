// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.util.List;

import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.openai.parse.TokenizeRequests;
import dev.quorum.openai.tokenize.TokenizeRequest;
import dev.quorum.openai.tokenize.TokenizeResponse;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/tokenize} (vLLM's shape): messages through the model's chat template,
 * or a raw prompt, to token ids — what CoT-decoding needs to branch on a prompt's exact
 * tokens.
 */
@RestController
class TokenizeController {

	private final ModelRegistry models;

	private final Scheduler cpu;

	TokenizeController(ModelRegistry models, Scheduler cpuScheduler) {
		this.models = models;
		this.cpu = cpuScheduler;
	}

	@PostMapping("/v1/tokenize")
	Mono<TokenizeResponse> tokenize(@RequestBody(required = false) byte[] body) {
		return Mono.fromCallable(() -> {
			TokenizeRequest request = TokenizeRequests.parse(RequestBodies.readTree(body));
			ServedModel model = this.models.get(request.model());
			boolean special = !Boolean.FALSE.equals(request.addSpecialTokens());
			String text;
			if (request.messages() != null) {
				List<ChatMessage> messages = request.messages()
					.stream()
					.map((m) -> new ChatMessage(m.role().wireName(), m.text()))
					.toList();
				try {
					text = model.chatTemplate().render(messages, !Boolean.FALSE.equals(request.addGenerationPrompt()));
				}
				catch (IllegalArgumentException ex) {
					throw ApiException.invalidRequest("messages", ex.getMessage());
				}
			}
			else {
				text = request.prompt();
			}
			return TokenizeResponse.of(model.tokenizer().encode(text, special, true), model.contextLength());
		}).subscribeOn(this.cpu);
	}

}
