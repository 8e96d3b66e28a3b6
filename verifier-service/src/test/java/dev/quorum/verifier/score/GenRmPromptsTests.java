// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.reasoning.verify.GenRm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier prompts byte for byte (models/README.md, "Prompt formats").
 */
class GenRmPromptsTests {

	private static final String Q = "Evaluate from left to right: 8-5-2";

	private static final String SOLUTION = "8-5=3\n3-2=1\nThe answer is 1.\n\n";

	@Test
	void theDirectPromptIsTheLibrarysAndEndsWithTheVerdictQuestion() {
		assertThat(GenRmPrompts.direct(Q, SOLUTION)).isEqualTo(GenRm.prompt(Q, SOLUTION))
			.isEqualTo("Q: Evaluate from left to right: 8-5-2\nLet's think step by step.\n8-5=3\n3-2=1\n"
					+ "The answer is 1.\nIs the answer correct (Yes/No)? ");
	}

	@Test
	void aRationaleIsAskedForAfterTheSolutionWithTheInstructionLine() {
		assertThat(GenRmPrompts.rationale(Q, SOLUTION, "Let's verify step by step."))
			.isEqualTo("Q: Evaluate from left to right: 8-5-2\nLet's think step by step.\n8-5=3\n3-2=1\n"
					+ "The answer is 1.\nLet's verify step by step.\n");
	}

	@Test
	void theVerdictFollowsTheRationaleOnItsOwnLine() {
		assertThat(GenRmPrompts.verdict(Q, SOLUTION, "Let's verify step by step.", "8-5=3 checks.\n"))
			.isEqualTo("Q: Evaluate from left to right: 8-5-2\nLet's think step by step.\n8-5=3\n3-2=1\n"
					+ "The answer is 1.\nLet's verify step by step.\n8-5=3 checks.\nIs the answer correct (Yes/No)? ");
	}

}
