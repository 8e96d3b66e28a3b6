// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.prompt;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptStyleTests {

	@Test
	void builtInStylesAreByteForByte() {
		assertThat(PromptStyle.COT.render("Tom has 3 shells."))
			.isEqualTo("Q: Tom has 3 shells.\nLet's think step by step.\n");
		assertThat(PromptStyle.DIRECT.render("2+2")).isEqualTo("Q: 2+2\nAnswer directly.\n");
		assertThat(PromptStyle.PLAIN.render("2+2")).isEqualTo("Q: 2+2\nA:\n");
	}

	@Test
	void questionsAreInsertedVerbatim() {
		assertThat(PromptStyle.PLAIN.render("{q} and $1")).isEqualTo("Q: {q} and $1\nA:\n");
	}

	@Test
	void modelsCanOverrideAStyle() {
		PromptCatalog catalog = new PromptCatalog(Map.of("chat-model",
				Map.of(PromptStyle.COT, new PromptTemplate("Question: {q}\nThink step by step."))));
		assertThat(catalog.render("chat-model", PromptStyle.COT, "x")).isEqualTo("Question: x\nThink step by step.");
		assertThat(catalog.render("chat-model", PromptStyle.PLAIN, "x")).isEqualTo("Q: x\nA:\n");
		assertThat(catalog.render("tiny-reasoner", PromptStyle.COT, "x"))
			.isEqualTo("Q: x\nLet's think step by step.\n");
		assertThat(new PromptCatalog(Map.of("m", Map.of())).render("m", PromptStyle.DIRECT, "x"))
			.isEqualTo("Q: x\nAnswer directly.\n");
	}

	@Test
	void templatesNeedExactlyOnePlaceholder() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PromptTemplate("no placeholder"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PromptTemplate("{q} {q}"));
		assertThat(PromptStyle.parse("Plain")).isEqualTo(PromptStyle.PLAIN);
		assertThatIllegalArgumentException().isThrownBy(() -> PromptStyle.parse("fewshot"))
			.withMessageContaining("cot, direct, plain");
	}

}
