// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTests {

	private static final Set<String> OPTIONS = Set.of("rate", "model", "batches");

	@Test
	void readsValuesInBothSpellingsAndFlags() {
		Args a = Args.parse(List.of("--rate", "2.5", "--model=m", "--quiet"), OPTIONS, Set.of("quiet"));
		assertThat(a.number("rate", 0)).isEqualTo(2.5);
		assertThat(a.require("model")).isEqualTo("m");
		assertThat(a.has("quiet")).isTrue();
		assertThat(a.integer("batches", 3)).isEqualTo(3);
	}

	@Test
	void readsIntegerLists() {
		Args a = Args.parse(List.of("--batches", "1, 4,16"), OPTIONS, Set.of());
		assertThat(a.integers("batches", List.of())).containsExactly(1, 4, 16);
	}

	@Test
	void rejectsUnknownOptionsMissingValuesAndBadNumbers() {
		assertThatThrownBy(() -> Args.parse(List.of("--rat", "2"), OPTIONS, Set.of()))
			.isInstanceOf(Args.UsageException.class)
			.hasMessageContaining("--rat");
		assertThatThrownBy(() -> Args.parse(List.of("--rate"), OPTIONS, Set.of()))
			.hasMessageContaining("needs a value");
		assertThatThrownBy(() -> Args.parse(List.of("stray"), OPTIONS, Set.of())).hasMessageContaining("stray");
		Args a = Args.parse(List.of("--rate", "fast", "--batches", "1,x"), OPTIONS, Set.of());
		assertThatThrownBy(() -> a.number("rate", 0)).hasMessageContaining("fast");
		assertThatThrownBy(() -> a.integers("batches", List.of())).hasMessageContaining("1,x");
		assertThatThrownBy(() -> a.require("model")).hasMessageContaining("missing --model");
	}

}
