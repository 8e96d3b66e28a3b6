// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.chat;

import java.util.List;

import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.OpenAiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat records write the field names and nulls of OpenAI's documented examples, and
 * read OpenAI's example responses (extra fields included).
 */
class ChatCompletionRecordsTests {

	private final JsonMapper json = OpenAiJson.mapper();

	// OpenAI's "Default" example response for POST /chat/completions, as served today.
	private static final String OPENAI_RESPONSE = """
			{
			  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
			  "object": "chat.completion",
			  "created": 1741569952,
			  "model": "gpt-4.1-2025-04-14",
			  "choices": [
			    {
			      "index": 0,
			      "message": {
			        "role": "assistant",
			        "content": "Hello! How can I assist you today?",
			        "refusal": null,
			        "annotations": []
			      },
			      "logprobs": null,
			      "finish_reason": "stop"
			    }
			  ],
			  "usage": {
			    "prompt_tokens": 19,
			    "completion_tokens": 10,
			    "total_tokens": 29,
			    "prompt_tokens_details": {
			      "cached_tokens": 0,
			      "audio_tokens": 0
			    },
			    "completion_tokens_details": {
			      "reasoning_tokens": 0,
			      "audio_tokens": 0,
			      "accepted_prediction_tokens": 0,
			      "rejected_prediction_tokens": 0
			    }
			  },
			  "service_tier": "default"
			}
			""";

	// OpenAI's "Logprobs" example response (first two tokens).
	private static final String OPENAI_LOGPROBS_RESPONSE = """
			{
			  "id": "chatcmpl-123",
			  "object": "chat.completion",
			  "created": 1702685778,
			  "model": "gpt-4o-mini",
			  "choices": [
			    {
			      "index": 0,
			      "message": {
			        "role": "assistant",
			        "content": "Hello! How can I assist you today?"
			      },
			      "logprobs": {
			        "content": [
			          {
			            "token": "Hello",
			            "logprob": -0.31725305,
			            "bytes": [72, 101, 108, 108, 111],
			            "top_logprobs": [
			              {"token": "Hello", "logprob": -0.31725305, "bytes": [72, 101, 108, 108, 111]},
			              {"token": "Hi", "logprob": -1.3190403, "bytes": [72, 105]}
			            ]
			          },
			          {
			            "token": "!",
			            "logprob": -0.02380986,
			            "bytes": [33],
			            "top_logprobs": [
			              {"token": "!", "logprob": -0.02380986, "bytes": [33]},
			              {"token": " there", "logprob": -3.787621, "bytes": [32, 116, 104, 101, 114, 101]}
			            ]
			          }
			        ]
			      },
			      "finish_reason": "stop"
			    }
			  ],
			  "usage": {"prompt_tokens": 9, "completion_tokens": 9, "total_tokens": 18},
			  "system_fingerprint": null
			}
			""";

	// OpenAI's "Streaming" example: the first chunk.
	private static final String OPENAI_FIRST_CHUNK = """
			{"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", \
			"system_fingerprint": "fp_44709d6fcb", \
			"choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""";

	@Test
	void responseWritesOpenAiFieldsAndNullsInOrder() {
		CreateChatCompletionResponse response = CreateChatCompletionResponse.of(
				"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", 1741569952L, "gpt-4.1-2025-04-14",
				List.of(CreateChatCompletionResponse.Choice.of(0, "Hello! How can I assist you today?", null, "stop")),
				CompletionUsage.of(19, 10, 0, 0));
		// OpenAI's example minus what Quorum does not produce (annotations, audio and
		// prediction token counts, service_tier).
		assertThat(this.json.writeValueAsString(response))
			.isEqualTo("{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\","
					+ "\"created\":1741569952,\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,"
					+ "\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I assist you today?\","
					+ "\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,"
					+ "\"completion_tokens\":10,\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0},"
					+ "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}");
	}

	@Test
	void readsOpenAiExampleResponseWithFieldsItDoesNotModel() {
		CreateChatCompletionResponse response = this.json.readValue(OPENAI_RESPONSE,
				CreateChatCompletionResponse.class);
		assertThat(response.id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
		assertThat(response.object()).isEqualTo("chat.completion");
		assertThat(response.created()).isEqualTo(1741569952L);
		assertThat(response.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.index()).isZero();
			assertThat(choice.message().content()).isEqualTo("Hello! How can I assist you today?");
			assertThat(choice.message().refusal()).isNull();
			assertThat(choice.logprobs()).isNull();
			assertThat(choice.finishReason()).isEqualTo("stop");
		});
		assertThat(response.usage().totalTokens()).isEqualTo(29);
		assertThat(response.usage().promptTokensDetails().cachedTokens()).isZero();
		assertThat(response.usage().completionTokensDetails().reasoningTokens()).isZero();
	}

	@Test
	void readsAndRewritesOpenAiLogprobsExample() {
		CreateChatCompletionResponse response = this.json.readValue(OPENAI_LOGPROBS_RESPONSE,
				CreateChatCompletionResponse.class);
		ChatCompletionLogprobs logprobs = response.choices().get(0).logprobs();
		assertThat(logprobs.content()).hasSize(2);
		ChatCompletionTokenLogprob hello = logprobs.content().get(0);
		assertThat(hello.token()).isEqualTo("Hello");
		assertThat(hello.logprob()).isEqualTo(-0.31725305);
		assertThat(hello.bytes()).containsExactly(72, 101, 108, 108, 111);
		assertThat(hello.topLogprobs()).extracting(ChatCompletionTokenLogprob.TopLogprob::token)
			.containsExactly("Hello", "Hi");
		assertThat(response.systemFingerprint()).isNull();
		ChatCompletionTokenLogprob built = ChatCompletionTokenLogprob.of("Hello", -0.31725305,
				List.of(ChatCompletionTokenLogprob.TopLogprob.of("Hello", -0.31725305),
						ChatCompletionTokenLogprob.TopLogprob.of("Hi", -1.3190403)));
		assertThat(built).isEqualTo(hello);
		assertThat(this.json.writeValueAsString(ChatCompletionLogprobs.of(List.of(built))))
			.isEqualTo("{\"content\":[{\"token\":\"Hello\",\"logprob\":-0.31725305,\"bytes\":[72,101,108,108,111],"
					+ "\"top_logprobs\":[{\"token\":\"Hello\",\"logprob\":-0.31725305,\"bytes\":[72,101,108,108,111]},"
					+ "{\"token\":\"Hi\",\"logprob\":-1.3190403,\"bytes\":[72,105]}]}],\"refusal\":null}");
	}

	@Test
	void rawTokenBytesAreWrittenUnsigned() {
		// The first byte of "é" (0xC3 0xA9) alone, as a byte-level tokenizer may emit it.
		ChatCompletionTokenLogprob partial = ChatCompletionTokenLogprob.of("\uFFFD", new byte[] { (byte) 0xC3 }, -1.5,
				List.of());
		assertThat(this.json.writeValueAsString(partial))
			.isEqualTo("{\"token\":\"\uFFFD\",\"logprob\":-1.5,\"bytes\":[195],\"top_logprobs\":[]}");
	}

	@Test
	void streamChunksWriteOpenAiFieldsAndNulls() {
		CreateChatCompletionStreamResponse first = new CreateChatCompletionStreamResponse("chatcmpl-123",
				CreateChatCompletionStreamResponse.OBJECT, 1694268190L, "gpt-4o-mini", "fp_44709d6fcb",
				List.of(CreateChatCompletionStreamResponse.Choice.start(0)), null);
		assertThat(this.json.writeValueAsString(first)).isEqualTo("{\"id\":\"chatcmpl-123\","
				+ "\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\","
				+ "\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
		CreateChatCompletionStreamResponse last = CreateChatCompletionStreamResponse.of("chatcmpl-123", 1694268190L,
				"gpt-4o-mini", List.of(CreateChatCompletionStreamResponse.Choice.finish(0, "stop")));
		assertThat(this.json.writeValueAsString(last)).isEqualTo("{\"id\":\"chatcmpl-123\","
				+ "\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\","
				+ "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}");
		CreateChatCompletionStreamResponse usage = CreateChatCompletionStreamResponse.usage("chatcmpl-123", 1694268190L,
				"gpt-4o-mini", CompletionUsage.of(9, 12));
		assertThat(this.json.writeValueAsString(usage)).isEqualTo("{\"id\":\"chatcmpl-123\","
				+ "\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\","
				+ "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}");
	}

	@Test
	void readsOpenAiExampleChunk() {
		CreateChatCompletionStreamResponse chunk = this.json.readValue(OPENAI_FIRST_CHUNK,
				CreateChatCompletionStreamResponse.class);
		assertThat(chunk.systemFingerprint()).isEqualTo("fp_44709d6fcb");
		assertThat(chunk.usage()).isNull();
		assertThat(chunk.choices()).containsExactly(CreateChatCompletionStreamResponse.Choice.start(0));
	}

	@Test
	void requestWritesOnlyTheFieldsThatAreSet() {
		CreateChatCompletionRequest request = CreateChatCompletionRequest.of("tiny-reasoner",
				List.of(ChatCompletionRequestMessage.system("Be brief."), ChatCompletionRequestMessage.user("Hi")));
		assertThat(this.json.writeValueAsString(request)).isEqualTo("{\"model\":\"tiny-reasoner\",\"messages\":["
				+ "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]}");
		CreateChatCompletionRequest tuned = request.withSampling(4, 0.7, null, 42L)
			.withLogprobs(2)
			.withMaxTokens(64)
			.withStream(true, true);
		assertThat(this.json.writeValueAsString(tuned)).isEqualTo("{\"model\":\"tiny-reasoner\",\"messages\":["
				+ "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"max_tokens\":64,\"temperature\":0.7,\"n\":4,\"stream\":true,"
				+ "\"stream_options\":{\"include_usage\":true},\"seed\":42,\"logprobs\":true,\"top_logprobs\":2}");
		assertThat(this.json.writeValueAsString(tuned.withStream(false, true))).doesNotContain("stream");
	}

	@Test
	void contentPartsAreWrittenBackAsParts() {
		ChatCompletionRequestMessage message = new ChatCompletionRequestMessage(ChatRole.USER,
				MessageContent.ofParts(List.of(ChatCompletionRequestMessageContentPartText.of("a"),
						ChatCompletionRequestMessageContentPartText.of("b"))),
				"ann");
		assertThat(this.json.writeValueAsString(message)).isEqualTo(
				"{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}],"
						+ "\"name\":\"ann\"}");
		assertThat(message.text()).isEqualTo("a\nb");
		assertThat(this.json.readValue(this.json.writeValueAsString(message), ChatCompletionRequestMessage.class))
			.isEqualTo(message);
	}

	@Test
	void requestRoundTripsThroughJackson() {
		CreateChatCompletionRequest request = CreateChatCompletionRequest
			.of("m", List.of(ChatCompletionRequestMessage.system("s"), ChatCompletionRequestMessage.user("u")))
			.withSampling(2, 0.5, 0.9, 3L)
			.withStream(true, true);
		assertThat(this.json.readValue(this.json.writeValueAsString(request), CreateChatCompletionRequest.class))
			.isEqualTo(request);
	}

	@Test
	void responseCarriesTheQuorumExtensionOnlyWhenSet() {
		CreateChatCompletionResponse plain = CreateChatCompletionResponse.of("chatcmpl-1", 1L, "sc-8/tiny-reasoner",
				List.of(CreateChatCompletionResponse.Choice.of(0, "42", null, "stop")), CompletionUsage.of(1, 1));
		assertThat(this.json.writeValueAsString(plain)).doesNotContain("quorum");
		CreateChatCompletionResponse extended = plain
			.withQuorum(this.json.readTree("{\"answer\":\"42\",\"votes\":{\"42\":5}}"));
		assertThat(this.json.writeValueAsString(extended))
			.endsWith(",\"quorum\":{\"answer\":\"42\",\"votes\":{\"42\":5}}}");
	}

}
