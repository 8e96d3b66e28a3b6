// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a reward sample's text is taken apart. OpenRLHF sends the decoded prompt+response
 * ({@code query}) with special tokens kept, and the decoded prompt: the response is what
 * follows the prompt, without the end-of-sequence markers a tokenizer left at its end
 * ({@code </s>}, {@code <|im_end|>}, {@code <|endoftext|>}, {@code <|eot_id|>} and the
 * like). For GenRM the question is taken out of a Quorum prompt ({@code Q: {question}\n}
 * followed by {@code Let's think step by step.}, {@code Answer directly.} or {@code A:},
 * an optional leading {@code <s>}); any other prompt is used whole as the question.
 */
final class RewardPrompts {

	private static final Pattern QUORUM_PROMPT = Pattern
		.compile("(?s)\\A\\s*(?:<s>)?\\s*Q: (.+?)\\n(?:Let's think step by step\\.|Answer directly\\.|A:)\\s*\\z");

	private static final Pattern END_MARKERS = Pattern.compile("(?:\\s*(?:</s>|<\\|[a-z_]{2,20}\\|>))+\\s*\\z");

	private RewardPrompts() {
	}

	/**
	 * The question a prompt asks.
	 * @param prompt the decoded prompt
	 * @return the question inside a Quorum prompt, else the prompt without surrounding
	 * whitespace
	 */
	static String question(String prompt) {
		Matcher m = QUORUM_PROMPT.matcher(prompt);
		return m.matches() ? m.group(1) : prompt.strip();
	}

	/**
	 * The response of a query.
	 * @param query prompt and response, decoded together
	 * @param prompt the prompt, or null when only the response was sent
	 * @return the response without trailing end markers, or null when the query does not
	 * start with the prompt
	 */
	static String response(String query, String prompt) {
		String response = query;
		if (prompt != null) {
			if (!query.startsWith(prompt)) {
				return null;
			}
			response = query.substring(prompt.length());
		}
		return END_MARKERS.matcher(response).replaceFirst("");
	}

}
