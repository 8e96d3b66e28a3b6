// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.completions.CreateCompletionResponse.Choice;
import dev.quorum.openai.completions.CreateCompletionResponse.Logprobs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reading a verdict out of a {@code max_tokens: 1} choice.
 */
class VerdictsTests {

	private static Choice choice(String token, double logprob, Map<String, Double> top) {
		return Choice.of(0, token, new Logprobs(List.of(token), List.of(logprob), List.of(top), List.of(0)), "length");
	}

	private static Map<String, Double> top(Object... pairs) {
		Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Double) pairs[i + 1]);
		}
		return map;
	}

	@Test
	void scoresYesOverYesPlusNoFromTheTopAlternatives() {
		Verdict verdict = Verdicts
			.of(choice("Y", Math.log(0.6), top("Y", Math.log(0.6), "N", Math.log(0.2), "e", Math.log(0.1))));
		assertThat(verdict.yesNo().pYes()).isCloseTo(0.6, within(1e-12));
		assertThat(verdict.yesNo().pNo()).isCloseTo(0.2, within(1e-12));
		assertThat(verdict.score().score()).isCloseTo(0.75, within(1e-12));
		assertThat(verdict.signal()).isTrue();
	}

	@Test
	void sumsTheVariantsOfEachWord() {
		Verdict verdict = Verdicts.of(choice(" Yes", Math.log(0.4),
				top(" Yes", Math.log(0.4), "Yes", Math.log(0.2), " No", Math.log(0.1), "no", Math.log(0.1))));
		assertThat(verdict.score().score()).isCloseTo(0.75, within(1e-12));
	}

	@Test
	void addsTheChosenTokenWhenTheBackendLeftItOutOfTheAlternatives() {
		Verdict verdict = Verdicts.of(choice("N", Math.log(0.5), top("Y", Math.log(0.3), "x", Math.log(0.1))));
		assertThat(verdict.yesNo().pNo()).isCloseTo(0.5, within(1e-12));
		assertThat(verdict.score().score()).isCloseTo(0.375, within(1e-12));
	}

	@Test
	void aChoiceWithoutLogprobsHasNoSignal() {
		Verdict verdict = Verdicts.of(Choice.of(0, "Y", null, "length"));
		assertThat(verdict).isEqualTo(Verdict.NO_LOGPROBS);
		assertThat(verdict.signal()).isFalse();
		assertThat(verdict.score().score()).isZero();
	}

	@Test
	void neitherWordAmongTheAlternativesIsNoSignalButKeepsTheMasses() {
		Verdict verdict = Verdicts.of(choice("e", Math.log(0.9), top("e", Math.log(0.9), "a", Math.log(0.05))));
		assertThat(verdict.yesNo()).isNotNull();
		assertThat(verdict.yesNo().pYes()).isZero();
		assertThat(verdict.signal()).isFalse();
	}

	@Test
	void skipsEntriesThatAreNotLogProbabilities() {
		Verdict verdict = Verdicts.of(choice("Y", Math.log(0.5),
				top("Y", Math.log(0.5), "N", 0.7, "No", Double.NaN, "no", Double.NEGATIVE_INFINITY)));
		assertThat(verdict.yesNo().pNo()).isZero();
		assertThat(verdict.score().score()).isEqualTo(1.0);
	}

}
