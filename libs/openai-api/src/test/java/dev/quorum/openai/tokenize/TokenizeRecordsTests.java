// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.tokenize;

import java.util.List;

import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.chat.ChatCompletionRequestMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * vLLM's tokenize request and response.
 */
class TokenizeRecordsTests {

	private final JsonMapper json = OpenAiJson.mapper();

	@Test
	void requestsWriteEitherPromptOrMessages() {
		assertThat(this.json.writeValueAsString(TokenizeRequest.ofPrompt("m", "2+2=")))
			.isEqualTo("{\"model\":\"m\",\"prompt\":\"2+2=\"}");
		assertThat(this.json.writeValueAsString(
				TokenizeRequest.ofMessages("m", List.of(ChatCompletionRequestMessage.user("Hi")), true)))
			.isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
					+ "\"add_generation_prompt\":true}");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenizeRequest("m", null, null, null, null));
	}

	@Test
	void defaultsFollowVllm() {
		TokenizeRequest prompt = TokenizeRequest.ofPrompt("m", "x");
		assertThat(prompt.specialTokens()).isTrue();
		TokenizeRequest messages = new TokenizeRequest("m", null, List.of(ChatCompletionRequestMessage.user("x")), null,
				null);
		assertThat(messages.specialTokens()).isFalse();
		assertThat(messages.generationPrompt()).isTrue();
	}

	@Test
	void responseRoundTrips() {
		TokenizeResponse response = TokenizeResponse.of(new int[] { 1, 15, 300 }, 2048);
		String written = this.json.writeValueAsString(response);
		assertThat(written).isEqualTo("{\"count\":3,\"max_model_len\":2048,\"tokens\":[1,15,300]}");
		assertThat(this.json.readValue(written, TokenizeResponse.class).tokenArray()).containsExactly(1, 15, 300);
	}

}
