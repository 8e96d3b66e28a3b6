// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.quorum.ensemble.WireTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STaR export: the candidates whose answer equals the gold one, returned and appended to
 * the export directory, for one request and for a JSONL batch.
 */
class ReasonExportTests extends WireTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static List<JsonNode> exported() throws Exception {
		try (Stream<Path> files = Files.list(exports)) {
			return files.flatMap((f) -> {
				try {
					return Files.readAllLines(f).stream();
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).map(json::readTree).toList();
		}
	}

	@Test
	void exportReturnsAndWritesTheDistinctRationalesThatReachTheGoldAnswer() throws Exception {
		int before = exported().size();
		byte[] body = this.client.post()
			.uri("/v1/reason")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"question\":\"" + QUESTION + "\",\"n\":4,\"export\":true,\"gold\":\"4\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode export = json.readTree(body).path("export");
		// four samples: two identical right rationales, one wrong, one unparsed
		assertThat(export.path("accepted")).hasSize(1);
		JsonNode record = export.path("accepted").get(0);
		assertThat(record.path("question").asString()).isEqualTo(QUESTION);
		assertThat(record.path("rationale").asString()).isEqualTo(RIGHT);
		assertThat(record.path("answer").asString()).isEqualTo("4");
		assertThat(record.path("model").asString()).isEqualTo("tiny-reasoner");
		assertThat(export.path("file").asString()).matches("star-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
		List<JsonNode> lines = exported();
		assertThat(lines).hasSize(before + 1);
		assertThat(lines.getLast().path("rationale").asString()).isEqualTo(RIGHT);
	}

	@Test
	void aBatchOfQuestionsWithGoldAnswersYieldsOneLinePerQuestionInOrder() throws Exception {
		String jsonl = """
				{"id": "a", "question": "%s", "answer": 4, "n_ops": 1}

				{"id": "b", "question": "%s", "answer": 5}
				""".formatted(QUESTION, QUESTION);
		byte[] body = this.client.post()
			.uri("/v1/reason/export?strategy=self-consistency&n=4&concurrency=2&seed=0")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(jsonl)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		List<JsonNode> lines = new String(body, StandardCharsets.UTF_8).lines().map(json::readTree).toList();
		assertThat(lines).extracting((l) -> l.path("id").asString()).containsExactly("a", "b");
		assertThat(lines.get(0).path("correct").asBoolean()).isTrue();
		assertThat(lines.get(0).path("accepted").get(0).path("id").asString()).isEqualTo("a");
		assertThat(lines.get(1).path("correct").asBoolean()).isFalse();
		assertThat(lines.get(1).path("accepted").get(0).path("rationale").asString()).isEqualTo(WRONG);
		// question i is seeded with seed + 1000 i
		assertThat(decode.calls("/v1/chat/completions")).extracting((c) -> c.body().path("seed").asLong())
			.containsExactlyInAnyOrder(0L, 1000L);
	}

	@Test
	void aBadLineFailsTheWholeBatchBeforeAnythingRuns() {
		this.client.post()
			.uri("/v1/reason/export?n=4")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"question\":\"q\",\"answer\":1}\n{\"question\":\"q\"}\n")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("line[1]");
		this.client.post()
			.uri("/v1/reason/export?n=four")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"question\":\"q\",\"answer\":1}\n")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.param")
			.isEqualTo("n");
		assertThat(decode.calls()).isEmpty();
	}

}
