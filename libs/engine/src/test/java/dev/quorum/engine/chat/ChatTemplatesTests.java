// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatTemplatesTests {

	private static final List<ChatMessage> CONVERSATION = List.of(new ChatMessage("system", "Be brief."),
			new ChatMessage("user", " Hi there \n"), new ChatMessage("assistant", "Hello."),
			new ChatMessage("user", "2+2?"));

	@Test
	void llama3() {
		assertThat(ChatTemplates.forName("llama3").render(CONVERSATION, true))
			.isEqualTo("<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
					+ "<|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
					+ "<|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|>"
					+ "<|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|>"
					+ "<|start_header_id|>assistant<|end_header_id|>\n\n");
	}

	@Test
	void chatml() {
		assertThat(ChatTemplates.forName("chatml").render(CONVERSATION, true))
			.isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n Hi there \n<|im_end|>\n"
					+ "<|im_start|>assistant\nHello.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n"
					+ "<|im_start|>assistant\n");
		assertThat(ChatTemplates.forName("chatml").render(List.of(new ChatMessage("user", "x")), false))
			.isEqualTo("<|im_start|>user\nx<|im_end|>\n");
	}

	@Test
	void quorumQaWithAnInstructionIsTheTrainingPrompt() {
		ChatTemplate template = ChatTemplates.forName("quorum-qa");
		List<ChatMessage> messages = List.of(new ChatMessage("system", "ignored"),
				new ChatMessage("user", "Tom has 3 apples. ...?\nLet's think step by step."));
		assertThat(template.render(messages, true)).isEqualTo("Q: Tom has 3 apples. ...?\nLet's think step by step.\n");
		assertThat(template.render(List.of(new ChatMessage("user", "1+1?\nAnswer directly.")), true))
			.isEqualTo("Q: 1+1?\nAnswer directly.\n");
	}

	@Test
	void quorumQaWithoutAnInstructionOpensTheAnswer() {
		ChatTemplate template = ChatTemplates.forName("quorum-qa");
		assertThat(template.render(List.of(new ChatMessage("user", "1+1?")), true)).isEqualTo("Q: 1+1?\nA:\n");
		assertThat(template.render(List.of(new ChatMessage("user", "1+1?")), false)).isEqualTo("Q: 1+1?\n");
		// an instruction must be the whole last line
		assertThat(template.render(List.of(new ChatMessage("user", "Answer directly. 1+1?")), true))
			.isEqualTo("Q: Answer directly. 1+1?\nA:\n");
	}

	@Test
	void quorumQaRendersEarlierTurnsInOrder() {
		List<ChatMessage> messages = List.of(new ChatMessage("user", "1+1?"), new ChatMessage("assistant", "2"),
				new ChatMessage("user", "2+2?\nLet's think step by step."),
				new ChatMessage("assistant", "2+2=4. The answer is 4."), new ChatMessage("user", "3+3?"));
		assertThat(ChatTemplates.forName("quorum-qa").render(messages, true))
			.isEqualTo("Q: 1+1?\nA:\n2\nQ: 2+2?\nLet's think step by step.\n2+2=4. The answer is 4.\nQ: 3+3?\nA:\n");
	}

	@Test
	void quorumQaOpensTheAnswerAfterEveryUserTurnButAFinalOneWithoutGenerationPrompt() {
		// as the Jinja template in the shipped GGUF files does
		List<ChatMessage> messages = List.of(new ChatMessage("user", "1+1?"), new ChatMessage("user", "2+2?"));
		assertThat(ChatTemplates.forName("quorum-qa").render(messages, false)).isEqualTo("Q: 1+1?\nA:\nQ: 2+2?\n");
		assertThat(ChatTemplates.forName("quorum-qa").render(messages, true)).isEqualTo("Q: 1+1?\nA:\nQ: 2+2?\nA:\n");
	}

	@Test
	void quorumQaRejectsUnknownRoles() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatTemplates.forName("quorum-qa").render(List.of(new ChatMessage("tool", "x")), true))
			.withMessageContaining("'tool'");
	}

	@Test
	void detectsTemplatesFromMetadataMarkers() {
		assertThat(detect("{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m.role }}...").name())
			.isEqualTo("llama3");
		assertThat(detect("{% for m in messages %}{{'<|im_start|>' + m.role + '\\n'}}...").name()).isEqualTo("chatml");
		assertThat(detect("{# quorum-qa #}{% for m in messages %}Q: ...").name()).isEqualTo("quorum-qa");
	}

	@Test
	void explainsWhenNothingIsRecognised() {
		assertThatIllegalArgumentException().isThrownBy(() -> detect("[INST] {{ m.content }} [/INST]"))
			.withMessageContaining("matches no known template")
			.withMessageContaining("configure a chat template by name");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTemplates.detect(Map.of()))
			.withMessageContaining("has no tokenizer.chat_template");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTemplates.forName("vicuna"))
			.withMessageContaining("'vicuna'")
			.withMessageContaining("quorum-qa");
	}

	private static ChatTemplate detect(String jinja) {
		return ChatTemplates.detect(Map.of(ChatTemplates.METADATA_KEY, jinja));
	}

}
