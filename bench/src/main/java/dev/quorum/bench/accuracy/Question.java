// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.openai.OpenAiJson;
import tools.jackson.databind.JsonNode;

/**
 * A held-out problem ({@code models/data/eval.jsonl}: id, question, answer, n_ops, kind).
 *
 * @param id the problem's id
 * @param question the question text
 * @param answer the gold answer, as text
 * @param ops number of operations (0 when not given)
 */
public record Question(String id, String question, String answer, int ops) {

	/**
	 * Reads a JSONL file, one problem per line.
	 * @param file the file
	 * @param limit most problems to read (the first ones)
	 * @return the problems
	 */
	public static List<Question> read(Path file, int limit) {
		List<Question> questions = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(file)) {
				if (questions.size() >= limit) {
					break;
				}
				if (line.isBlank()) {
					continue;
				}
				JsonNode n = OpenAiJson.mapper().readTree(line);
				JsonNode answer = n.path("answer");
				if (!n.path("question").isString() || answer.isMissingNode() || answer.isNull()) {
					throw new IllegalArgumentException(file + ": a line without question or answer: " + line);
				}
				questions.add(new Question(
						n.path("id").isMissingNode() ? Integer.toString(questions.size()) : n.path("id").asString(),
						n.path("question").stringValue(), answer.asString(), n.path("n_ops").asInt(0)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		return questions;
	}

}
