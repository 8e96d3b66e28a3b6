// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.respond;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.engine.sample.TokenLogprobs;
import dev.quorum.engine.tokenizer.Tokenizer;
import dev.quorum.openai.chat.ChatCompletionTokenLogprob;

/**
 * The engine's log-probabilities in OpenAI's two shapes: chat ({@code content[]} entries
 * with bytes and {@code top_logprobs}) and legacy completions (parallel lists).
 */
final class Logprobs {

	private Logprobs() {
	}

	static ChatCompletionTokenLogprob chat(Tokenizer tokenizer, TokenLogprobs lp) {
		List<ChatCompletionTokenLogprob.TopLogprob> top = new ArrayList<>(lp.topTokens().length);
		for (int i = 0; i < lp.topTokens().length; i++) {
			int id = lp.topTokens()[i];
			top.add(ChatCompletionTokenLogprob.TopLogprob.of(tokenizer.tokenText(id), tokenizer.tokenBytes(id),
					lp.topLogprobs()[i]));
		}
		return ChatCompletionTokenLogprob.of(tokenizer.tokenText(lp.token()), tokenizer.tokenBytes(lp.token()),
				lp.logprob(), top);
	}

	/** The {@code top_logprobs} entry of one position of a legacy completion. */
	static Map<String, Double> completionTop(Tokenizer tokenizer, TokenLogprobs lp) {
		Map<String, Double> top = new LinkedHashMap<>();
		for (int i = 0; i < lp.topTokens().length; i++) {
			top.putIfAbsent(tokenizer.tokenText(lp.topTokens()[i]), (double) lp.topLogprobs()[i]);
		}
		return top;
	}

}
