// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.bench.report.JsonFiles;
import dev.quorum.bench.report.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrategySummaryTests {

	private static QuestionResult ok(boolean correct, int samples, long completion, String applied) {
		return new QuestionResult("q", "1", correct ? "1" : "2", correct, samples, 100, completion, 50, applied, false,
				null);
	}

	private static QuestionResult failed() {
		return new QuestionResult("q", "1", null, false, 0, 0, 0, 5, null, false, "HTTP 504: deadline");
	}

	@Test
	void accuracyCountsFailuresAsWrongAndAveragesOnlyAnsweredQuestions() {
		List<QuestionResult> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(ok(i < 6, 4, 200, "self-consistency"));
		}
		results.add(ok(true, 8, 400, "cot"));
		results.add(failed());
		StrategySummary s = StrategySummary.of("sc-8/m", results, 12.5, "self-consistency");
		assertThat(s.questions()).isEqualTo(10);
		assertThat(s.correct()).isEqualTo(7);
		assertThat(s.accuracy()).isEqualTo(0.7);
		// Wilson 95% for 7/10: 0.3968 .. 0.8922
		assertThat(s.low()).isCloseTo(0.3968, within(1e-4));
		assertThat(s.high()).isCloseTo(0.8922, within(1e-4));
		assertThat(s.meanSamples()).isCloseTo(40 / 9.0, within(1e-12));
		assertThat(s.meanCompletionTokens()).isCloseTo(2000 / 9.0, within(1e-12));
		assertThat(s.meanTotalTokens()).isCloseTo(2900 / 9.0, within(1e-12));
		assertThat(s.errors()).isEqualTo(1);
		assertThat(s.fallbacks()).isEqualTo(1);
		assertThat(s.wallS()).isEqualTo(12.5);
	}

	@Test
	void pairedComparisonCountsDiscordantQuestions() {
		List<QuestionResult> a = List.of(ok(true, 1, 1, "x"), ok(true, 1, 1, "x"), ok(true, 1, 1, "x"),
				ok(false, 1, 1, "x"));
		List<QuestionResult> b = List.of(ok(false, 1, 1, "x"), ok(false, 1, 1, "x"), ok(true, 1, 1, "x"),
				ok(true, 1, 1, "x"));
		StrategySummary.Paired p = StrategySummary.of("a", a, 1, "x").against(StrategySummary.of("b", b, 1, "x"));
		assertThat(p.wins()).isEqualTo(2);
		assertThat(p.losses()).isEqualTo(1);
		// exact two-sided binomial: 2 * P(X <= 1 | n = 3) = 2 * 4/8, capped at 1
		assertThat(p.p()).isEqualTo(1.0);
	}

	@Test
	void chartEscapesLabelsAndDrawsOneBarPerStrategy() {
		StrategySummary s = StrategySummary.of("sc-8/m?x=<1>&y=2", List.of(ok(true, 1, 1, "x")), 1, "x");
		String svg = SvgChart.render("title", "sub", List.of(s, s));
		assertThat(svg).startsWith("<svg").contains("sc-8/m?x=&lt;1&gt;&amp;y=2").doesNotContain("<1>");
		assertThat(svg.split("fill=\"#4a7ebb\"", -1)).hasSize(3);
	}

	@Test
	void aSavedReportReadsBackEqualNaNIncluded(@TempDir Path dir) {
		StrategySummary failedOnly = StrategySummary.of("cot/m", List.of(failed()), 1, "cot");
		StrategySummary s = StrategySummary.of("sc-8/m", List.of(ok(true, 8, 100, "self-consistency")), 2,
				"self-consistency");
		AccuracyReport report = new AccuracyReport(Machine.now(), Machine.now(), "http://gw", "eval.jsonl", 1, 2,
				List.of(failedOnly, s), List.of(s.against(failedOnly)));
		Path file = dir.resolve("accuracy.json");
		JsonFiles.write(file, report);
		AccuracyReport back = JsonFiles.read(file, AccuracyReport.class);
		assertThat(back).isEqualTo(report);
		assertThat(back.strategies().get(0).meanSamples()).isNaN();
		assertThat(back.markdown()).isEqualTo(report.markdown());
	}

}
