// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopStringsTests {

	@Test
	void textBeforeAStopSplitAcrossPiecesIsEmittedAndNothingAfter() {
		StopStrings s = new StopStrings(List.of("The answer", "\n\n"));
		StringBuilder out = new StringBuilder();
		for (String piece : List.of("So 3+4", " = 7. Th", "e ans", "wer is 7.")) {
			out.append(s.push(piece));
		}
		assertThat(out).hasToString("So 3+4 = 7. ");
		assertThat(s.matched()).isEqualTo("The answer");
		assertThat(s.push("more")).isEmpty();
	}

	@Test
	void heldTextIsReleasedWhenItCannotStartAStop() {
		StopStrings s = new StopStrings(List.of("###"));
		assertThat(s.push("a #")).isEqualTo("a ");
		assertThat(s.push("#")).isEmpty();
		assertThat(s.push("x")).isEqualTo("##x");
		assertThat(s.push("##")).isEmpty();
		assertThat(s.flush()).isEqualTo("##");
		assertThat(s.matched()).isNull();
	}

	@Test
	void theEarliestOfSeveralStopsWins() {
		StopStrings s = new StopStrings(List.of("cd", "b"));
		assertThat(s.push("abcd")).isEqualTo("a");
		assertThat(s.matched()).isEqualTo("b");
		assertThat(new StopStrings(List.of()).push("anything")).isEqualTo("anything");
	}

}
