// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuestionTests {

	@Test
	void readsTheHeldOutFormatUpToTheLimit(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("eval.jsonl");
		Files.writeString(file, """
				{"id": "0000", "question": "Anna has 1 stickers. How many?", "answer": 358, "n_ops": 2, "kind": "word"}

				{"id": "0001", "question": "Evaluate from left to right: 3*4", "answer": 12, "n_ops": 1}
				{"id": "0002", "question": "x", "answer": 1}
				""");
		assertThat(Question.read(file, 2)).containsExactly(
				new Question("0000", "Anna has 1 stickers. How many?", "358", 2),
				new Question("0001", "Evaluate from left to right: 3*4", "12", 1));
	}

	@Test
	void rejectsLinesWithoutAnAnswer(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bad.jsonl");
		Files.writeString(file, "{\"question\": \"q\"}\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Question.read(file, 10));
	}

}
