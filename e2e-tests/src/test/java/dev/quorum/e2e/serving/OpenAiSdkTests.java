// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import dev.quorum.e2e.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The official OpenAI Java SDK against the gateway of the real platform, on the shipped
 * models.
 */
class OpenAiSdkTests {

	/**
	 * A held-out problem (models/data/eval.jsonl, id 0000) that greedy step-by-step
	 * decoding solves.
	 */
	static final String QUESTION = "Anna has 1 stickers. She gets 121 more. She finds 236 more. How many stickers does Anna have now?\nLet's think step by step.";

	static OpenAIClient client;

	@BeforeAll
	static void connect() {
		client = OpenAIOkHttpClient.builder()
			.baseUrl(Platform.shared().gatewayUrl() + "/v1")
			.apiKey(Platform.API_KEY)
			.maxRetries(0)
			.timeout(Duration.ofSeconds(120))
			.build();
	}

	static ChatCompletionCreateParams.Builder chat() {
		return ChatCompletionCreateParams.builder().model("tiny-reasoner").addUserMessage(QUESTION);
	}

	@Test
	void listsTheShippedModels() {
		Set<String> ids = client.models().list().data().stream().map(Model::id).collect(Collectors.toSet());
		assertThat(ids).contains("tiny-reasoner", "tiny-reasoner-b", "tiny-verifier");
	}

	@Test
	void greedyChatReasonsStepByStepToTheRightAnswer() {
		ChatCompletion completion = client.chat()
			.completions()
			.create(chat().temperature(0).maxCompletionTokens(200).build());
		String content = completion.choices().get(0).message().content().orElseThrow();
		assertThat(content).contains("The answer is 358.");
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		assertThat(completion.usage().orElseThrow().promptTokens()).isPositive();
		assertThat(completion.id()).startsWith("chatcmpl-");
	}

	@Test
	void streamingDeliversTheSameTextAndTheUsageChunk() {
		String whole = client.chat()
			.completions()
			.create(chat().temperature(0).maxCompletionTokens(200).build())
			.choices()
			.get(0)
			.message()
			.content()
			.orElseThrow();
		StringBuilder streamed = new StringBuilder();
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		try (StreamResponse<ChatCompletionChunk> stream = client.chat()
			.completions()
			.createStreaming(chat().temperature(0)
				.maxCompletionTokens(200)
				.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
				.build())) {
			stream.stream().forEach((chunk) -> {
				chunks.add(chunk);
				chunk.choices().forEach((c) -> c.delta().content().ifPresent(streamed::append));
			});
		}
		assertThat(streamed.toString()).isEqualTo(whole);
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.choices()).isEmpty();
		assertThat(last.usage().orElseThrow().completionTokens()).isPositive();
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
	}

	@Test
	void nSamplesComeBackAsIndexedChoices() {
		ChatCompletion completion = client.chat()
			.completions()
			.create(chat().n(4).temperature(0.8).seed(3).maxCompletionTokens(200).build());
		assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L, 2L, 3L);
		assertThat(completion.choices())
			.allSatisfy((c) -> assertThat(c.message().content().orElseThrow()).isNotEmpty());
	}

	@Test
	void logprobsAreReturnedForEveryToken() {
		ChatCompletion completion = client.chat()
			.completions()
			.create(chat().temperature(0).maxCompletionTokens(8).logprobs(true).topLogprobs(2).build());
		var content = completion.choices().get(0).logprobs().orElseThrow().content().orElseThrow();
		assertThat(content).hasSize((int) completion.usage().orElseThrow().completionTokens());
		assertThat(content).allSatisfy((t) -> {
			assertThat(t.logprob()).isLessThanOrEqualTo(0);
			assertThat(t.topLogprobs()).hasSize(2);
		});
	}

	@Test
	void legacyCompletionsWork() {
		Completion completion = client.completions()
			.create(CompletionCreateParams.builder()
				.model("tiny-reasoner")
				.prompt("Q: " + QUESTION + "\n")
				.maxTokens(60)
				.temperature(0)
				.build());
		assertThat(completion.choices().get(0).text()).contains("358");
	}

	@Test
	void errorsArriveAsTheSdksTypedExceptions() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client.chat().completions().create(chat().model("no-such-model").build()))
			.satisfies((ex) -> assertThat(ex.code()).contains("model_not_found"));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> client.chat().completions().create(chat().temperature(5).build()))
			.satisfies((ex) -> assertThat(ex.param()).contains("temperature"));
		OpenAIClient stranger = OpenAIOkHttpClient.builder()
			.baseUrl(Platform.shared().gatewayUrl() + "/v1")
			.apiKey("sk-wrong")
			.maxRetries(0)
			.build();
		assertThatExceptionOfType(UnauthorizedException.class)
			.isThrownBy(() -> stranger.chat().completions().create(chat().build()));
	}

}
