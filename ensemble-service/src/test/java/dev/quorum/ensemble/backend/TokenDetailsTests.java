// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.chat.ChatCompletionLogprobs;
import dev.quorum.openai.chat.ChatCompletionTokenLogprob;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.reasoning.cotdecoding.GeneratedToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenDetailsTests {

	@Test
	void completionOffsetsAreRebasedToTheChoiceAndTokensEndWhereTheNextBegins() {
		// OpenAI counts text_offset from the prompt's start; here the prompt had 40
		// characters
		CreateCompletionResponse.Logprobs logprobs = new CreateCompletionResponse.Logprobs(List.of("12", "+3", "=15"),
				List.of(Math.log(0.9), Math.log(0.6), Math.log(0.7)),
				List.of(top("12", 0.9, "13", 0.05), top("+3", 0.6, "+4", 0.3), top("=15", 0.7, "=16", 0.2)),
				List.of(40, 42, 44));
		List<GeneratedToken> tokens = TokenDetails.ofCompletion(logprobs, "12+3=15", 0);
		assertThat(tokens).extracting(GeneratedToken::start).containsExactly(0, 2, 4);
		assertThat(tokens).extracting(GeneratedToken::end).containsExactly(2, 4, 7);
		assertThat(tokens.get(1).margin()).isCloseTo(0.3, within(1e-9));
	}

	@Test
	void aShiftPlacesTokensAfterABranchsForcedFirstToken() {
		CreateCompletionResponse.Logprobs logprobs = new CreateCompletionResponse.Logprobs(List.of("a", "b"),
				List.of(Math.log(0.5), Math.log(0.5)), List.of(top("a", 0.5, "x", 0.4), top("b", 0.5, "y", 0.1)),
				List.of(0, 1));
		List<GeneratedToken> tokens = TokenDetails.ofCompletion(logprobs, "ab", 3);
		assertThat(tokens).extracting(GeneratedToken::start).containsExactly(3, 4);
		assertThat(tokens).extracting(GeneratedToken::end).containsExactly(4, 5);
	}

	@Test
	void withoutAlternativesTheChosenTokensProbabilityIsTheBoundAndTheRunnerUpIsZero() {
		CreateCompletionResponse.Logprobs logprobs = new CreateCompletionResponse.Logprobs(List.of("7"),
				List.of(Math.log(0.8)), null, null);
		GeneratedToken token = TokenDetails.ofCompletion(logprobs, "7", 0).getFirst();
		assertThat(token.top1()).isCloseTo(0.8, within(1e-9));
		assertThat(token.top2()).isZero();
		assertThat(TokenDetails.ofCompletion(null, "7", 0)).isEmpty();
	}

	@Test
	void chatOffsetsCountUtf16UnitsOfCompletedCharacters() {
		// "é" is two UTF-8 bytes split over two byte tokens; "😀" is four bytes, two
		// UTF-16 units
		ChatCompletionLogprobs logprobs = ChatCompletionLogprobs.of(List.of(token("a", 0x61), token("?", 0xC3),
				token("?", 0xA9), token("😀", 0xF0, 0x9F, 0x98, 0x80), token("1", 0x31)));
		List<GeneratedToken> tokens = TokenDetails.ofChat(logprobs);
		String text = "aé😀1";
		assertThat(tokens).extracting(GeneratedToken::start).containsExactly(0, 1, 1, 2, 4);
		assertThat(tokens).extracting(GeneratedToken::end).containsExactly(1, 1, 2, 4, 5);
		assertThat(text.substring(tokens.get(4).start(), tokens.get(4).end())).isEqualTo("1");
	}

	@Test
	void chatMarginsComeFromTheTopAlternatives() {
		ChatCompletionTokenLogprob token = new ChatCompletionTokenLogprob("4", Math.log(0.7), List.of(0x34),
				List.of(ChatCompletionTokenLogprob.TopLogprob.of("4", Math.log(0.7)),
						ChatCompletionTokenLogprob.TopLogprob.of("5", Math.log(0.2))));
		GeneratedToken generated = TokenDetails.ofChat(ChatCompletionLogprobs.of(List.of(token))).getFirst();
		assertThat(generated.margin()).isCloseTo(0.5, within(1e-9));
	}

	private static ChatCompletionTokenLogprob token(String text, int... bytes) {
		List<Integer> values = java.util.Arrays.stream(bytes).boxed().toList();
		return new ChatCompletionTokenLogprob(text, Math.log(0.9), values,
				List.of(new ChatCompletionTokenLogprob.TopLogprob(text, Math.log(0.9), values),
						ChatCompletionTokenLogprob.TopLogprob.of("x", Math.log(0.05))));
	}

	private static Map<String, Double> top(String a, double pa, String b, double pb) {
		Map<String, Double> top = new LinkedHashMap<>();
		top.put(a, Math.log(pa));
		top.put(b, Math.log(pb));
		return top;
	}

}
