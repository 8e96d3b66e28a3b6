// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.completions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.OpenAiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Text completion records: the four prompt shapes, OpenAI's example response, legacy
 * logprobs.
 */
class CompletionRecordsTests {

	private final JsonMapper json = OpenAiJson.mapper();

	// OpenAI's example response for POST /completions.
	private static final String OPENAI_RESPONSE = """
			{
			  "id": "cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7",
			  "object": "text_completion",
			  "created": 1589478378,
			  "model": "gpt-3.5-turbo-instruct",
			  "system_fingerprint": "fp_44709d6fcb",
			  "choices": [
			    {
			      "text": "\\n\\nThis is indeed a test",
			      "index": 0,
			      "logprobs": null,
			      "finish_reason": "length"
			    }
			  ],
			  "usage": {
			    "prompt_tokens": 5,
			    "completion_tokens": 7,
			    "total_tokens": 12
			  }
			}
			""";

	@Test
	void promptsAreWrittenInTheShapeTheyCameIn() {
		assertThat(this.json.writeValueAsString(CompletionPrompt.of("Say this is a test")))
			.isEqualTo("\"Say this is a test\"");
		assertThat(this.json.writeValueAsString(CompletionPrompt.ofTexts(List.of("a", "b"))))
			.isEqualTo("[\"a\",\"b\"]");
		assertThat(this.json.writeValueAsString(CompletionPrompt.ofTokens(1, 2, 3))).isEqualTo("[1,2,3]");
		assertThat(this.json
			.writeValueAsString(CompletionPrompt.ofTokenBatch(List.of(new int[] { 1 }, new int[] { 2, 3 }))))
			.isEqualTo("[[1],[2,3]]");
	}

	@Test
	void promptsRoundTripThroughJackson() {
		for (CompletionPrompt prompt : List.of(CompletionPrompt.of("a"), CompletionPrompt.ofTexts(List.of("a", "b")),
				CompletionPrompt.ofTokens(1, 2),
				CompletionPrompt.ofTokenBatch(List.of(new int[] { 1 }, new int[] { 2 })))) {
			CreateCompletionRequest request = CreateCompletionRequest.of("m", prompt, 4);
			assertThat(this.json.readValue(this.json.writeValueAsString(request), CreateCompletionRequest.class))
				.isEqualTo(request);
		}
	}

	@Test
	void promptsCompareByContent() {
		assertThat(CompletionPrompt.ofTokens(1, 2)).isEqualTo(CompletionPrompt.ofTokens(1, 2))
			.hasSameHashCodeAs(CompletionPrompt.ofTokens(1, 2))
			.isNotEqualTo(CompletionPrompt.ofTokens(1, 3))
			.isNotEqualTo(CompletionPrompt.ofTokenBatch(List.of(new int[] { 1, 2 })));
		assertThat(CompletionPrompt.ofTokenBatch(List.of(new int[] { 1 }, new int[] { 2 })).count()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionPrompt.ofTexts(List.of()));
	}

	@Test
	void requestWritesOnlyTheFieldsThatAreSet() {
		CreateCompletionRequest request = CreateCompletionRequest
			.of("tiny-reasoner", CompletionPrompt.ofTokens(5, 6), 8)
			.withLogprobs(2)
			.withSampling(null, 0.0, null, null)
			.withStop(List.of("\n"));
		assertThat(this.json.writeValueAsString(request)).isEqualTo("{\"model\":\"tiny-reasoner\",\"prompt\":[5,6],"
				+ "\"max_tokens\":8,\"temperature\":0.0,\"stop\":[\"\\n\"],\"logprobs\":2}");
	}

	@Test
	void responseWritesOpenAiFieldsAndNulls() {
		CreateCompletionResponse response = new CreateCompletionResponse("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7",
				CreateCompletionResponse.OBJECT, 1589478378L, "gpt-3.5-turbo-instruct", "fp_44709d6fcb",
				List.of(CreateCompletionResponse.Choice.of(0, "\n\nThis is indeed a test", null, "length")),
				CompletionUsage.of(5, 7));
		assertThat(this.json.readTree(this.json.writeValueAsString(response)))
			.isEqualTo(this.json.readTree(OPENAI_RESPONSE));
		assertThat(this.json.writeValueAsString(response)).isEqualTo("{\"id\":\"cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7\","
				+ "\"object\":\"text_completion\",\"created\":1589478378,\"model\":\"gpt-3.5-turbo-instruct\","
				+ "\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"text\":\"\\n\\nThis is indeed a test\","
				+ "\"index\":0,\"logprobs\":null,\"finish_reason\":\"length\"}],"
				+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");
	}

	@Test
	void readsOpenAiExampleResponse() {
		CreateCompletionResponse response = this.json.readValue(OPENAI_RESPONSE, CreateCompletionResponse.class);
		assertThat(response.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.text()).isEqualTo("\n\nThis is indeed a test");
			assertThat(choice.finishReason()).isEqualTo("length");
		});
		assertThat(response.usage()).isEqualTo(CompletionUsage.of(5, 7));
	}

	@Test
	void legacyLogprobsAreFourParallelLists() {
		Map<String, Double> top = new LinkedHashMap<>();
		top.put(" 4", -0.01);
		top.put(" 5", -4.6);
		CreateCompletionResponse.Logprobs logprobs = new CreateCompletionResponse.Logprobs(List.of(" 4"),
				List.of(-0.01), List.of(top), List.of(0));
		CreateCompletionResponse chunk = CreateCompletionResponse.of("cmpl-1", 7L, "m",
				List.of(CreateCompletionResponse.Choice.of(0, " 4", logprobs, null)), null);
		String written = this.json.writeValueAsString(chunk);
		assertThat(written).isEqualTo("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":7,\"model\":\"m\","
				+ "\"choices\":[{\"text\":\" 4\",\"index\":0,\"logprobs\":{\"tokens\":[\" 4\"],\"token_logprobs\":[-0.01],"
				+ "\"top_logprobs\":[{\" 4\":-0.01,\" 5\":-4.6}],\"text_offset\":[0]},\"finish_reason\":null}],"
				+ "\"usage\":null}");
		assertThat(this.json.readValue(written, CreateCompletionResponse.class)).isEqualTo(chunk);
	}

}
