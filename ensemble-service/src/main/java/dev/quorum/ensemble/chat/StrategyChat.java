// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.chat;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.ensemble.reason.Errors;
import dev.quorum.ensemble.reason.Reasoning;
import dev.quorum.ensemble.reason.StrategyOptions;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import dev.quorum.openai.chat.ChatRole;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.pipeline.Turn;
import dev.quorum.reasoning.strategy.StrategyName;

/**
 * Turns a chat completion request into a reasoning call. The strategy comes from a
 * strategy model name ({@code sc-16/tiny-reasoner}) and/or the {@code quorum} object (the
 * same fields as {@code /v1/reason}, without the question); the question is the last
 * message, which must be the user's, and every earlier message passes to the models
 * unchanged. {@code temperature}, {@code max_tokens} and {@code seed} apply to the
 * samples; fields that would change a single sample ({@code n}, {@code logprobs},
 * {@code stop}, {@code top_p}, {@code top_k}, {@code min_p}) are refused with a 400: the
 * answer is one chosen candidate.
 */
final class StrategyChat {

	private StrategyChat() {
	}

	static Reasoning.Call resolve(CreateChatCompletionRequest request, Reasoning reasoning) {
		refuse(request.n() != null && request.n() != 1, "n", "a strategy model answers with one chosen choice; "
				+ "set the sample count in the model name (sc-16/...) or in quorum.n");
		refuse(request.logprobs() != null && request.logprobs(), "logprobs",
				"the answer is a chosen candidate; its token logprobs are not returned");
		refuse(request.stop() != null, "stop", "stop strings would cut the reasoning before its answer");
		refuse(request.topP() != null, "top_p", "strategies sample with temperature only");
		refuse(request.topK() != null && request.topK() > 0, "top_k", "strategies sample with temperature only");
		refuse(request.minP() != null && request.minP() > 0, "min_p", "strategies sample with temperature only");
		StrategyOptions options = (request.quorum() != null)
				? StrategyOptions.parse(request.quorum(), "quorum", reasoning) : StrategyOptions.NONE;
		if (StrategyName.isStrategyModel(request.model()) || request.quorum() == null) {
			try {
				options = options.withName(StrategyName.parse(request.model()), "model");
			}
			catch (ReasoningException ex) {
				throw (ApiException) Errors.api(ex);
			}
		}
		else if (options.models() == null) {
			options = withModel(options, request.model());
		}
		options = chatSampling(options, request);
		List<ChatCompletionRequestMessage> messages = request.messages();
		ChatCompletionRequestMessage last = messages.getLast();
		if (last.role() != ChatRole.USER) {
			throw ApiException.invalidRequest("messages[" + (messages.size() - 1) + "].role",
					"the last message must be the user's question, got '" + last.role().wireName() + "'");
		}
		List<Turn> history = new ArrayList<>();
		for (ChatCompletionRequestMessage m : messages.subList(0, messages.size() - 1)) {
			history.add(new Turn(m.role().wireName(), m.text()));
		}
		return reasoning.resolve(last.text(), history, options, null, "model");
	}

	private static StrategyOptions chatSampling(StrategyOptions o, CreateChatCompletionRequest request) {
		if (request.seed() != null && o.seed() != null && !request.seed().equals(o.seed())) {
			throw ApiException.invalidRequest("quorum.seed", "quorum.seed contradicts 'seed'");
		}
		if (request.temperature() != null && o.temperature() != null
				&& !request.temperature().equals(o.temperature())) {
			throw ApiException.invalidRequest("quorum.temperature", "quorum.temperature contradicts 'temperature'");
		}
		Integer maxTokens = request.maxTokensLimit();
		if (maxTokens != null && o.maxTokens() != null && !maxTokens.equals(o.maxTokens())) {
			throw ApiException.invalidRequest("quorum.max_tokens", "quorum.max_tokens contradicts 'max_tokens'");
		}
		return new StrategyOptions(o.strategy(), o.n(), o.models(),
				(o.temperature() != null) ? o.temperature() : request.temperature(),
				(o.maxTokens() != null) ? o.maxTokens() : maxTokens, o.promptStyle(), o.answerFormat(), o.verifier(),
				o.earlyStop(), o.deadline(), o.cotDecoding(), (o.seed() != null) ? o.seed() : request.seed());
	}

	private static StrategyOptions withModel(StrategyOptions o, String model) {
		return new StrategyOptions(o.strategy(), o.n(), List.of(new StrategyOptions.ModelRef(model, null, null)),
				o.temperature(), o.maxTokens(), o.promptStyle(), o.answerFormat(), o.verifier(), o.earlyStop(),
				o.deadline(), o.cotDecoding(), o.seed());
	}

	private static void refuse(boolean condition, String param, String why) {
		if (condition) {
			throw new ApiException(400, ErrorType.INVALID_REQUEST,
					"'" + param + "' is not supported with strategy models: " + why, param, "unsupported_parameter",
					null);
		}
	}

}
