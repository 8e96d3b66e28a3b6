// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting OpenRLHF's reward queries into question and response.
 */
class RewardPromptsTests {

	@Test
	void takesTheQuestionOutOfQuorumPrompts() {
		assertThat(RewardPrompts.question("Q: Tom has 3 apples.\nLet's think step by step.\n"))
			.isEqualTo("Tom has 3 apples.");
		assertThat(RewardPrompts.question("<s>Q: 8-5-2\nAnswer directly.\n")).isEqualTo("8-5-2");
		assertThat(RewardPrompts.question("Q: What is\n2+2?\nA:\n")).isEqualTo("What is\n2+2?");
	}

	@Test
	void usesAnyOtherPromptWholeAsTheQuestion() {
		assertThat(RewardPrompts.question("  <|im_start|>user\nWhat is 2+2?<|im_end|>\n"))
			.isEqualTo("<|im_start|>user\nWhat is 2+2?<|im_end|>");
	}

	@Test
	void theResponseFollowsThePromptWithoutTrailingEndMarkers() {
		String prompt = "Q: 8-5-2\nLet's think step by step.\n";
		assertThat(RewardPrompts.response(prompt + "8-5=3\n3-2=1\nThe answer is 1.</s>", prompt))
			.isEqualTo("8-5=3\n3-2=1\nThe answer is 1.");
		assertThat(RewardPrompts.response("<|im_start|>assistant\nThe answer is 4.<|im_end|>\n<|endoftext|>", null))
			.isEqualTo("<|im_start|>assistant\nThe answer is 4.");
	}

	@Test
	void aQueryThatDoesNotStartWithItsPromptHasNoResponse() {
		assertThat(RewardPrompts.response("Q: 1+1\nA:\n2", "Q: 2+2\nA:\n")).isNull();
	}

}
