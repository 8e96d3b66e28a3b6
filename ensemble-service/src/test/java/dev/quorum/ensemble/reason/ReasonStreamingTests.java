// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.ensemble.WireTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stream: true}: SSE progress events in the order they happened, the final result,
 * {@code [DONE]}; an error event when the strategy fails.
 */
class ReasonStreamingTests extends WireTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private String stream(String body) {
		byte[] bytes = this.client.post()
			.uri("/v1/reason")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static List<String> events(String stream) {
		List<String> names = new ArrayList<>();
		for (String frame : stream.split("\n\n")) {
			names.add(frame.startsWith("event: ") ? frame.substring(7, frame.indexOf('\n')) : frame);
		}
		return names;
	}

	private static JsonNode data(String stream, String event) {
		for (String frame : stream.split("\n\n")) {
			if (frame.startsWith("event: " + event + "\n")) {
				return json.readTree(frame.substring(frame.indexOf("\ndata: ") + 7));
			}
		}
		throw new AssertionError("no " + event + " event in " + stream);
	}

	@Test
	void selfConsistencyStreamsCandidatesVotesTheEarlyStopAndTheResult() {
		String stream = stream(
				"{\"question\":\"" + QUESTION + "\",\"models\":[\"tiny-reasoner-b\"],\"n\":12,\"stream\":true}");
		assertThat(events(stream)).containsExactly("candidate", "candidate", "candidate", "candidate", "vote",
				"early_stop", "final", "data: [DONE]");
		assertThat(data(stream, "candidate").path("canonical_answer").asString()).isEqualTo("4");
		assertThat(data(stream, "vote").path("samples_used").asInt()).isEqualTo(4);
		assertThat(data(stream, "vote").path("leader").asString()).isEqualTo("4");
		assertThat(data(stream, "early_stop").path("samples_saved").asInt()).isEqualTo(8);
		JsonNode result = data(stream, "final");
		assertThat(result.path("answer").asString()).isEqualTo("4");
		assertThat(result.path("candidates")).hasSize(4);
	}

	@Test
	void aFailureEndsTheStreamWithAnErrorEventAndNoDone() {
		decode.answer((c) -> toy.apply(c).after(Duration.ofSeconds(30)));
		String stream = stream("{\"question\":\"" + QUESTION + "\",\"deadline_ms\":300,\"stream\":true}");
		assertThat(events(stream)).containsExactly("error");
		assertThat(data(stream, "error").path("error").path("code").asString()).isEqualTo("deadline_exceeded");
	}

	@Test
	void badRequestsFailBeforeTheStreamStarts() {
		this.client.post()
			.uri("/v1/reason")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"question\":\"q\",\"stream\":true,\"models\":[\"nope\"]}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
