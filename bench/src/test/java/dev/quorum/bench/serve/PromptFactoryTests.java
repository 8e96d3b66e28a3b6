// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptFactoryTests {

	/** The shipped byte-level models: one character per token, 8 template tokens. */
	private static final TokenBudget BYTES = new TokenBudget(1.0, 8);

	@Test
	void byteLevelPromptsHaveExactlyTheTargetLengthWithTheTemplate() {
		PromptFactory f = new PromptFactory(BYTES, 1);
		for (int tokens : new int[] { 9, 64, 900 }) {
			PromptFactory.Prompt p = f.prompt(tokens, 0, 3);
			assertThat(p.text().length() + BYTES.overheadTokens()).isEqualTo(tokens);
			assertThat(p.text()).matches("[ -~]+");
		}
	}

	@Test
	void sharedPrefixIsCommonToEveryPromptAndTheRestDiffers() {
		PromptFactory f = new PromptFactory(BYTES, 1);
		PromptFactory.Prompt a = f.prompt(900, 0.5, 1);
		PromptFactory.Prompt b = f.prompt(900, 0.5, 2);
		PromptFactory.Prompt longer = f.prompt(1000, 0.5, 3);
		int shared = a.sharedTokens();
		assertThat(shared).isEqualTo(446); // floor((900 - 8) * 0.5)
		assertThat(a.text().substring(0, shared)).isEqualTo(b.text().substring(0, shared));
		assertThat(longer.text()).startsWith(a.text().substring(0, shared));
		assertThat(a.text().substring(shared)).isNotEqualTo(b.text().substring(shared));
	}

	@Test
	void withoutASharedPrefixPromptsOfDifferentRequestsOrSeedsDiffer() {
		PromptFactory.Prompt a = new PromptFactory(BYTES, 1).prompt(200, 0, 1);
		PromptFactory.Prompt b = new PromptFactory(BYTES, 1).prompt(200, 0, 2);
		PromptFactory.Prompt c = new PromptFactory(BYTES, 2).prompt(200, 0, 1);
		assertThat(a.text()).isNotEqualTo(b.text()).isNotEqualTo(c.text());
		assertThat(a.text().substring(0, 32)).isNotEqualTo(c.text().substring(0, 32));
	}

	@Test
	void sameSeedAndIndexGiveTheSamePrompt() {
		assertThat(new PromptFactory(BYTES, 4).prompt(300, 0.3, 9))
			.isEqualTo(new PromptFactory(BYTES, 4).prompt(300, 0.3, 9));
	}

	@Test
	void aFullySharedPromptIsThePrefixItself() {
		PromptFactory f = new PromptFactory(BYTES, 1);
		assertThat(f.prompt(100, 1, 1).text()).isEqualTo(f.prompt(100, 1, 2).text()).hasSize(92);
	}

	@Test
	void charsPerTokenScalesTheText() {
		PromptFactory f = new PromptFactory(new TokenBudget(4.0, 10), 1);
		assertThat(f.prompt(110, 0, 1).text()).hasSize(400);
	}

	@Test
	void rejectsRatiosOutsideZeroToOne() {
		PromptFactory f = new PromptFactory(BYTES, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> f.prompt(100, 1.5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> f.prompt(100, -0.1, 1));
	}

}
