// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The log probability of one generated token, with the most likely alternatives at its
 * position ({@code ChatCompletionTokenLogprob}). {@code bytes} is always written (null
 * when unknown); byte-level tokens that are not whole UTF-8 characters need it to be
 * joined back into text.
 *
 * @param token the token's text
 * @param logprob its natural-log probability; -9999.0 stands for "very unlikely"
 * @param bytes the token's UTF-8 bytes as unsigned integers (0..255), or null
 * @param topLogprobs the most likely tokens at this position, most likely first
 */
@JsonInclude(Include.ALWAYS)
public record ChatCompletionTokenLogprob(@JsonProperty("token") String token, @JsonProperty("logprob") double logprob,
		@JsonProperty("bytes") List<Integer> bytes, @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {

	/**
	 * Copies the lists so the record is immutable.
	 */
	public ChatCompletionTokenLogprob {
		bytes = (bytes != null) ? List.copyOf(bytes) : null;
		topLogprobs = (topLogprobs != null) ? List.copyOf(topLogprobs) : List.of();
	}

	/**
	 * A token whose bytes are its text's UTF-8 encoding.
	 * @param token the text
	 * @param logprob its log probability
	 * @param topLogprobs the alternatives
	 * @return the entry
	 */
	public static ChatCompletionTokenLogprob of(String token, double logprob, List<TopLogprob> topLogprobs) {
		return new ChatCompletionTokenLogprob(token, logprob, utf8(token), topLogprobs);
	}

	/**
	 * A token with its raw bytes (which may be part of a UTF-8 character).
	 * @param token the text, as well as it can be decoded
	 * @param bytes the raw bytes
	 * @param logprob its log probability
	 * @param topLogprobs the alternatives
	 * @return the entry
	 */
	public static ChatCompletionTokenLogprob of(String token, byte[] bytes, double logprob,
			List<TopLogprob> topLogprobs) {
		return new ChatCompletionTokenLogprob(token, logprob, unsigned(bytes), topLogprobs);
	}

	static List<Integer> utf8(String text) {
		return unsigned(text.getBytes(StandardCharsets.UTF_8));
	}

	static List<Integer> unsigned(byte[] bytes) {
		List<Integer> values = new ArrayList<>(bytes.length);
		for (byte b : bytes) {
			values.add(b & 0xFF);
		}
		return values;
	}

	/**
	 * One alternative token at a position.
	 *
	 * @param token the token's text
	 * @param logprob its natural-log probability
	 * @param bytes its UTF-8 bytes as unsigned integers, or null
	 */
	@JsonInclude(Include.ALWAYS)
	public record TopLogprob(@JsonProperty("token") String token, @JsonProperty("logprob") double logprob,
			@JsonProperty("bytes") List<Integer> bytes) {

		/**
		 * Copies the byte list.
		 */
		public TopLogprob {
			bytes = (bytes != null) ? List.copyOf(bytes) : null;
		}

		/**
		 * An alternative whose bytes are its text's UTF-8 encoding.
		 * @param token the text
		 * @param logprob its log probability
		 * @return the alternative
		 */
		public static TopLogprob of(String token, double logprob) {
			return new TopLogprob(token, logprob, utf8(token));
		}

		/**
		 * An alternative with its raw bytes.
		 * @param token the text
		 * @param bytes the raw bytes
		 * @param logprob its log probability
		 * @return the alternative
		 */
		public static TopLogprob of(String token, byte[] bytes, double logprob) {
			return new TopLogprob(token, logprob, unsigned(bytes));
		}

	}

}
