// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.accuracy;

import java.util.List;
import java.util.Map;

import dev.quorum.bench.cli.Args;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyEntryTests {

	@Test
	void strategyModelNameBecomesReasonFields() {
		StrategyEntry e = StrategyEntry.parse("sc-16/tiny-reasoner");
		assertThat(e.label()).isEqualTo("sc-16/tiny-reasoner");
		assertThat(e.fields()).containsEntry("strategy", "self-consistency")
			.containsEntry("n", 16)
			.containsEntry("models", List.of("tiny-reasoner"));
		assertThat(StrategyEntry.parse("cot/tiny-reasoner").fields()).doesNotContainKey("n");
		assertThat(StrategyEntry.parse("ensemble/tiny-reasoner+tiny-reasoner-b").fields()).containsEntry("models",
				List.of("tiny-reasoner", "tiny-reasoner-b"));
	}

	@Test
	void extraFieldsNestByDotsAndKeepTheirTypes() {
		StrategyEntry e = StrategyEntry
			.parse("vv-8/tiny-reasoner?early_stop.rule=none&early_stop.min_samples=4&temperature=0.7&x=true");
		assertThat(e.fields()).containsEntry("early_stop", Map.of("rule", "none", "min_samples", 4L))
			.containsEntry("temperature", 0.7)
			.containsEntry("x", true)
			.containsEntry("strategy", "verified-vote");
	}

	@Test
	void aJsonValueReplacesAWholeField() {
		StrategyEntry e = StrategyEntry.parse(
				"ensemble-10/tiny-reasoner+tiny-reasoner-b?models=[{\"name\":\"tiny-reasoner\"},{\"name\":\"tiny-reasoner-b\",\"weight\":2}]");
		assertThat(e.fields()).containsEntry("models",
				List.of(Map.of("name", "tiny-reasoner"), Map.of("name", "tiny-reasoner-b", "weight", 2)));
		assertThatThrownBy(() -> StrategyEntry.parse("sc/m?models=[{\"name\"")).isInstanceOf(Args.UsageException.class)
			.hasMessageContaining("bad JSON");
	}

	@Test
	void listsSplitOnSemicolons() {
		assertThat(StrategyEntry.parseAll("greedy/tiny-reasoner; cot/tiny-reasoner ;")).extracting(StrategyEntry::label)
			.containsExactly("greedy/tiny-reasoner", "cot/tiny-reasoner");
	}

	@Test
	void rejectsUnknownStrategiesBadFieldsAndEmptyLists() {
		assertThatThrownBy(() -> StrategyEntry.parse("magic/tiny-reasoner")).isInstanceOf(Args.UsageException.class)
			.hasMessageContaining("magic");
		assertThatThrownBy(() -> StrategyEntry.parse("cot/tiny-reasoner?temperature"))
			.isInstanceOf(Args.UsageException.class);
		assertThatThrownBy(() -> StrategyEntry.parse("sc/m?a=1&a.b=2")).isInstanceOf(Args.UsageException.class);
		assertThatThrownBy(() -> StrategyEntry.parseAll(" ; ")).isInstanceOf(Args.UsageException.class);
	}

}
