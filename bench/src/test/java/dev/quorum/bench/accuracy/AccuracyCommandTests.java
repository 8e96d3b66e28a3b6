// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.quorum.bench.cli.Args;
import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccuracyCommandTests {

	@Test
	void rendersTheTableAndChartOfASavedRun(@TempDir Path dir) throws IOException {
		QuestionResult right = new QuestionResult("1", "7", "7", true, 1, 10, 5, 3, "cot", false, null);
		QuestionResult wrong = new QuestionResult("2", "8", "9", false, 1, 10, 5, 3, "cot", false, null);
		StrategySummary s = StrategySummary.of("cot/tiny-reasoner", List.of(right, wrong), 1, "cot");
		Path saved = dir.resolve("run.json");
		JsonFiles.write(saved, new AccuracyReport(Machine.now(), Machine.now(), "http://gw", "eval.jsonl", 2, 1,
				List.of(s), List.of()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = AccuracyCommand.run(List.of("--from-json", saved.toString(), "--markdown",
				dir.resolve("t.md").toString(), "--plot", dir.resolve("c.svg").toString()),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("cot/tiny-reasoner").contains("50.0");
		assertThat(Files.readString(dir.resolve("t.md"))).contains("| cot/tiny-reasoner | 50.0 |");
		assertThat(Files.readString(dir.resolve("c.svg"))).startsWith("<svg").contains("(2 questions)");
	}

	@Test
	void comparePairsArePositionsOfTheStrategies() {
		assertThat(AccuracyCommand.pairs(List.of("2:1", "3:1"), 3)).containsExactly(new int[] { 1, 0 },
				new int[] { 2, 0 });
		for (String bad : new String[] { "1:1", "0:1", "4:1", "2", "a:b", "1:2:3" }) {
			assertThatThrownBy(() -> AccuracyCommand.pairs(List.of(bad), 3)).as(bad)
				.isInstanceOf(Args.UsageException.class);
		}
	}

}
