// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GenRmTests {

	private static TokenLogprob t(String token, double p) {
		return new TokenLogprob(token, Math.log(p));
	}

	@Test
	void promptIsByteForByteTheTrainingFormat() {
		String prompt = GenRm.prompt("What is 2+2?", "2+2=4\nThe answer is 4.\n");
		assertThat(prompt).isEqualTo(
				"Q: What is 2+2?\nLet's think step by step.\n2+2=4\nThe answer is 4.\nIs the answer correct (Yes/No)? ");
		assertThat(prompt).endsWith("? ");
	}

	@Test
	void variantsOfEachWordAreSummed() {
		YesNoScore s = GenRm.yesNo(List.of(t(" Yes", 0.6), t("yes", 0.1), t(" No", 0.2), t("Maybe", 0.05)));
		assertThat(s.pYes()).isCloseTo(0.7, within(1e-12));
		assertThat(s.pNo()).isCloseTo(0.2, within(1e-12));
		assertThat(s.normalized()).isCloseTo(0.7 / 0.9, within(1e-12));
		YesNoScore markers = GenRm
			.yesNo(List.of(t("\u2581Yes", 0.2), t("\u0120YES", 0.1), t("NO", 0.3), t(" no", 0.1)));
		assertThat(markers.normalized()).isCloseTo(0.3 / 0.7, within(1e-12));
	}

	@Test
	void byteLevelVerifiersAnswerWithOneLetter() {
		assertThat(GenRm.direct(List.of(t("Y", 0.3), t("N", 0.6), t("T", 0.1))).score()).isCloseTo(1.0 / 3,
				within(1e-12));
	}

	@Test
	void otherWordsAreNotVariants() {
		YesNoScore s = GenRm.yesNo(List.of(t("Yesterday", 0.4), t("Nope", 0.3), t(" ", 0.2)));
		assertThat(s.signal()).isFalse();
	}

	@Test
	void aMissingWordCountsAsZeroAndBothMissingIsNoSignal() {
		VerifierScore onlyYes = GenRm.direct(List.of(t(" Yes", 0.4), t("The", 0.5)));
		assertThat(onlyYes.signal()).isTrue();
		assertThat(onlyYes.score()).isEqualTo(1.0);
		VerifierScore neither = GenRm.direct(List.of(t("The", 0.5), t(" A", 0.3)));
		assertThat(neither).isEqualTo(VerifierScore.NO_SIGNAL);
		assertThat(GenRm.yesNo(List.of()).normalized()).isNaN();
	}

	@Test
	void genRmCotAveragesTheRationalesThatHaveASignal() {
		VerifierScore s = GenRm
			.average(List.of(new YesNoScore(0.8, 0.2), new YesNoScore(0, 0), new YesNoScore(0.2, 0.3)));
		assertThat(s.score()).isCloseTo((0.8 + 0.4) / 2, within(1e-12));
		assertThat(GenRm.average(List.of(new YesNoScore(0, 0)))).isEqualTo(VerifierScore.NO_SIGNAL);
	}

	@Test
	void referenceVerifierChecksEquivalenceWithTheGold() {
		ReferenceVerifier gold = ReferenceVerifier.of("4580");
		assertThat(gold.accepts("4575+5=4580\nThe answer is 4,580.")).isTrue();
		assertThat(gold.reward("The answer is 4581.")).isZero();
		assertThat(gold.reward("I do not know")).isZero();
		List<VerifierScore> scores = gold.score("q", List.of("The answer is 4580.", "The answer is 1."))
			.toCompletableFuture()
			.join();
		assertThat(scores).containsExactly(VerifierScore.of(1), VerifierScore.of(0));
		assertThat(ReferenceVerifier.of("3/4").accepts("so \\boxed{0.75}")).isTrue();
	}

}
