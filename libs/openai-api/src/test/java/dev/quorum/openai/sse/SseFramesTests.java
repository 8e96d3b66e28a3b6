// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.sse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.chat.CreateChatCompletionStreamResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSE frames, byte for byte.
 */
class SseFramesTests {

	private final SseFrames frames = SseFrames.create();

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static CreateChatCompletionStreamResponse chunk(String content) {
		return CreateChatCompletionStreamResponse.of("chatcmpl-1", 1694268190L, "m",
				List.of(CreateChatCompletionStreamResponse.Choice.content(0, content, null)));
	}

	@Test
	void chunkFrameIsDataSpaceCompactJsonAndABlankLine() {
		assertThat(text(this.frames.data(chunk("Hi\nthere")))).isEqualTo("data: {\"id\":\"chatcmpl-1\","
				+ "\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"m\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"Hi\\nthere\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
	}

	@Test
	void doneFrameIsExact() {
		assertThat(SseFrames.done()).isEqualTo("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void errorFrameIsTheOpenAiEnvelope() {
		byte[] frame = this.frames.error(ApiException.timeout("The backend did not answer in time"));
		assertThat(text(frame)).isEqualTo("data: {\"error\":{\"message\":\"The backend did not answer in time\","
				+ "\"type\":\"timeout_error\",\"param\":null,\"code\":\"backend_timeout\"}}\n\n");
	}

	@Test
	void indentingMapperStillWritesOneLine() {
		JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		assertThat(text(SseFrames.create(pretty).data(chunk("x")))).isEqualTo(text(this.frames.data(chunk("x"))));
	}

	@Test
	void streamEndsWithDone() {
		List<String> written = this.frames.frames(Flux.just(chunk("a"), chunk("b")))
			.map(SseFramesTests::text)
			.collectList()
			.block();
		assertThat(written).containsExactly(text(this.frames.data(chunk("a"))), text(this.frames.data(chunk("b"))),
				"data: [DONE]\n\n");
	}

	@Test
	void failureMidStreamIsOneErrorFrameAndNoDone() {
		Flux<Object> chunks = Flux.concat(Flux.just(chunk("a")),
				Flux.error(ApiException.unavailable("decode-service is unavailable", null)));
		List<String> written = this.frames.frames(chunks).map(SseFramesTests::text).collectList().block();
		assertThat(written).containsExactly(text(this.frames.data(chunk("a"))),
				"data: {\"error\":{\"message\":\"decode-service is unavailable\",\"type\":\"service_unavailable_error\","
						+ "\"param\":null,\"code\":\"backend_unavailable\"}}\n\n");
	}

	@Test
	void unexpectedFailureShowsNoInternals() {
		Flux<Object> chunks = Flux.error(new IllegalStateException("NPE at Secret.java:42"));
		String written = this.frames.frames(chunks).map(SseFramesTests::text).blockLast();
		assertThat(written).isEqualTo("data: {\"error\":{\"message\":\"The stream failed on the server\","
				+ "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n");
	}

}
