// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.chat.ChatCompletionLogprobs;
import dev.quorum.openai.chat.ChatCompletionTokenLogprob;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.reasoning.cotdecoding.GeneratedToken;

/**
 * Turns the logprobs a backend returned into {@link GeneratedToken}s: each token's
 * character range in the generated text and the two largest probabilities at its
 * position, which CoT-decoding needs to average the margin over the answer's tokens.
 */
final class TokenDetails {

	private TokenDetails() {
	}

	/**
	 * Tokens of a legacy completion choice. Offsets come from {@code text_offset},
	 * rebased to the choice's text (OpenAI counts them from the prompt's start, Quorum
	 * and vLLM from the choice's) and clamped to it; a token ends where the next begins.
	 * @param logprobs the choice's logprobs, or null
	 * @param text the choice's text
	 * @param shift added to every offset (a branch's forced first token before it)
	 * @return the tokens, empty without logprobs
	 */
	static List<GeneratedToken> ofCompletion(CreateCompletionResponse.Logprobs logprobs, String text, int shift) {
		if (logprobs == null || logprobs.tokens() == null || logprobs.tokenLogprobs() == null) {
			return List.of();
		}
		int count = logprobs.tokens().size();
		List<Integer> offsets = logprobs.textOffset();
		boolean haveOffsets = offsets != null && offsets.size() == count;
		int base = (haveOffsets && count > 0) ? offsets.get(0) : 0;
		List<GeneratedToken> tokens = new ArrayList<>(count);
		int fallback = 0;
		for (int i = 0; i < count; i++) {
			int start = haveOffsets ? clamp(offsets.get(i) - base, text) : fallback;
			String token = logprobs.tokens().get(i);
			int next = haveOffsets && i + 1 < count ? clamp(offsets.get(i + 1) - base, text)
					: clamp(start + ((token != null) ? token.length() : 0), text);
			fallback = Math.max(start, next);
			tokens.add(GeneratedToken.fromLogprobs(start + shift, Math.max(start, next) + shift,
					alternatives(logprobs.tokenLogprobs().get(i), values(top(logprobs, i)))));
		}
		return tokens;
	}

	/**
	 * Tokens of a chat choice. Chat logprobs carry no offsets, so they are counted from
	 * each token's UTF-8 bytes: a token covers the characters completed by its bytes.
	 * @param logprobs the choice's logprobs, or null
	 * @return the tokens, empty without logprobs
	 */
	static List<GeneratedToken> ofChat(ChatCompletionLogprobs logprobs) {
		if (logprobs == null || logprobs.content() == null) {
			return List.of();
		}
		List<GeneratedToken> tokens = new ArrayList<>(logprobs.content().size());
		Utf16Counter counter = new Utf16Counter();
		for (ChatCompletionTokenLogprob token : logprobs.content()) {
			int start = counter.units();
			for (int b : bytes(token)) {
				counter.add(b);
			}
			List<Double> top = token.topLogprobs().stream().map((t) -> t.logprob()).toList();
			tokens.add(GeneratedToken.fromLogprobs(start, counter.units(), alternatives(token.logprob(), top)));
		}
		return tokens;
	}

	/**
	 * The distribution's most likely values at a position: the alternatives, plus the
	 * chosen token when fewer than two alternatives came back and it is not one of them
	 * (then its own probability is the best bound there is).
	 */
	private static double[] alternatives(Double chosen, Collection<Double> top) {
		List<Double> values = new ArrayList<>();
		if (top != null) {
			top.stream().filter((v) -> v != null && !v.isNaN()).forEach(values::add);
		}
		if (values.size() < 2 && chosen != null && !values.contains(chosen)) {
			values.add(chosen);
		}
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static Collection<Double> values(Map<String, Double> top) {
		return (top != null) ? top.values() : null;
	}

	private static Map<String, Double> top(CreateCompletionResponse.Logprobs logprobs, int i) {
		List<Map<String, Double>> top = logprobs.topLogprobs();
		return (top != null && i < top.size()) ? top.get(i) : null;
	}

	private static int clamp(int offset, String text) {
		return Math.max(0, Math.min(offset, text.length()));
	}

	private static List<Integer> bytes(ChatCompletionTokenLogprob token) {
		if (token.bytes() != null) {
			return token.bytes();
		}
		byte[] raw = ((token.token() != null) ? token.token() : "").getBytes(StandardCharsets.UTF_8);
		List<Integer> values = new ArrayList<>(raw.length);
		for (byte b : raw) {
			values.add(b & 0xFF);
		}
		return values;
	}

	/** Counts UTF-16 units of the complete UTF-8 characters seen so far. */
	private static final class Utf16Counter {

		private int units;

		private int pending;

		private int width;

		void add(int b) {
			if (this.pending > 0 && (b & 0xC0) == 0x80) {
				this.pending--;
				if (this.pending == 0) {
					this.units += this.width;
				}
				return;
			}
			// a lead byte (or a stray continuation byte, counted as one replacement
			// character)
			if (b >= 0xF0 && b < 0xF8) {
				start(3, 2);
			}
			else if (b >= 0xE0 && b < 0xF0) {
				start(2, 1);
			}
			else if (b >= 0xC0 && b < 0xE0) {
				start(1, 1);
			}
			else {
				this.pending = 0;
				this.units++;
			}
		}

		private void start(int continuation, int width) {
			this.pending = continuation;
			this.width = width;
		}

		int units() {
			return this.units;
		}

	}

}
