// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.completions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prompt} of a text completion, in one of OpenAI's four shapes: a string, an
 * array of strings, an array of token ids, or an array of token-id arrays. Exactly one of
 * {@code texts} and {@code tokenIds} is set; {@code batched} says whether the JSON was an
 * array of prompts, so that the prompt is written back in the shape it came in.
 *
 * @param texts the text prompts, or null
 * @param tokenIds the token-id prompts, each {@code (promptTokens)}, or null
 * @param batched whether the JSON value was an array of prompts
 */
public record CompletionPrompt(List<String> texts, List<int[]> tokenIds, boolean batched) {

	/**
	 * Checks the shape and copies the lists (and the token arrays).
	 */
	public CompletionPrompt {
		if ((texts == null) == (tokenIds == null)) {
			throw new IllegalArgumentException("exactly one of texts and tokenIds must be set");
		}
		int size = (texts != null) ? texts.size() : tokenIds.size();
		if (size == 0 || (!batched && size != 1)) {
			throw new IllegalArgumentException("a prompt has one or more entries, exactly one unless batched");
		}
		texts = (texts != null) ? List.copyOf(texts) : null;
		if (tokenIds != null) {
			List<int[]> copies = new ArrayList<>(tokenIds.size());
			tokenIds.forEach((ids) -> copies.add(ids.clone()));
			tokenIds = List.copyOf(copies);
		}
	}

	/**
	 * One text prompt: {@code "..."}.
	 * @param text the prompt
	 * @return the prompt
	 */
	public static CompletionPrompt of(String text) {
		return new CompletionPrompt(List.of(text), null, false);
	}

	/**
	 * A batch of text prompts: {@code ["...", ...]}.
	 * @param texts the prompts
	 * @return the prompt
	 */
	public static CompletionPrompt ofTexts(List<String> texts) {
		return new CompletionPrompt(texts, null, true);
	}

	/**
	 * One token-id prompt: {@code [1, 2, 3]}.
	 * @param tokenIds the token ids
	 * @return the prompt
	 */
	public static CompletionPrompt ofTokens(int... tokenIds) {
		return new CompletionPrompt(null, List.<int[]>of(tokenIds), false);
	}

	/**
	 * A batch of token-id prompts: {@code [[1, 2], [3]]}.
	 * @param tokenIds the prompts' token ids
	 * @return the prompt
	 */
	public static CompletionPrompt ofTokenBatch(List<int[]> tokenIds) {
		return new CompletionPrompt(null, tokenIds, true);
	}

	/**
	 * How many prompts there are (choices are generated per prompt).
	 * @return the number of prompts
	 */
	public int count() {
		return (this.texts != null) ? this.texts.size() : this.tokenIds.size();
	}

	/**
	 * Whether the prompts are token ids.
	 * @return true for token-id prompts
	 */
	public boolean tokenized() {
		return this.tokenIds != null;
	}

	/**
	 * Reads a prompt that this module wrote, so that requests round-trip through Jackson
	 * (for instance in a fake backend). Incoming client requests go through
	 * {@code CompletionRequests}, which checks them properly.
	 * @param value the JSON value
	 * @return the prompt
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static CompletionPrompt fromJson(JsonNode value) {
		if (value.isString()) {
			return of(value.stringValue());
		}
		if (!value.isArray() || value.isEmpty()) {
			throw new IllegalArgumentException("prompt must be a string or a non-empty array");
		}
		JsonNode first = value.get(0);
		if (first.isString()) {
			return ofTexts(value.valueStream().map(JsonNode::stringValue).toList());
		}
		if (first.isArray()) {
			return ofTokenBatch(value.valueStream().map(CompletionPrompt::ids).toList());
		}
		return ofTokens(ids(value));
	}

	private static int[] ids(JsonNode array) {
		return array.valueStream().mapToInt(JsonNode::intValue).toArray();
	}

	/**
	 * The JSON value, in the shape the prompt was given.
	 * @return a string, an int array, or a list of either
	 */
	@JsonValue
	Object jsonValue() {
		List<?> values = (this.texts != null) ? this.texts : this.tokenIds;
		return this.batched ? values : values.get(0);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof CompletionPrompt that) || this.batched != that.batched) {
			return false;
		}
		if (this.texts != null) {
			return this.texts.equals(that.texts);
		}
		return that.tokenIds != null && this.tokenIds.size() == that.tokenIds.size()
				&& IntStream.range(0, this.tokenIds.size())
					.allMatch((i) -> Arrays.equals(this.tokenIds.get(i), that.tokenIds.get(i)));
	}

	@Override
	public int hashCode() {
		if (this.texts != null) {
			return this.texts.hashCode() * 31 + Boolean.hashCode(this.batched);
		}
		int hash = Boolean.hashCode(this.batched);
		for (int[] ids : this.tokenIds) {
			hash = hash * 31 + Arrays.hashCode(ids);
		}
		return hash;
	}

	@Override
	public String toString() {
		if (this.texts != null) {
			return "CompletionPrompt" + this.texts;
		}
		return "CompletionPrompt" + this.tokenIds.stream().map(Arrays::toString).toList();
	}

}
