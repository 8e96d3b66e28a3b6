// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CotDecodingTests {

	private final CotDecoding cot = new CotDecoding(AnswerExtractor.auto(), Canonicalizer.standard());

	/**
	 * "The answer is 60." as six tokens: "The" " answer" " is" " 6" "0" ".". The answer
	 * span "60" is [14, 16); the tokens " 6" [13, 15) and "0" [15, 16) overlap it.
	 */
	private static List<GeneratedToken> sixtyTokens(double offset) {
		return List.of(new GeneratedToken(0, 3, 0.9, 0.05), new GeneratedToken(3, 10, 0.8, 0.1),
				new GeneratedToken(10, 13, 0.95, 0.01),
				new GeneratedToken(13 + (int) offset, 15 + (int) offset, 0.7, 0.2),
				new GeneratedToken(15 + (int) offset, 16 + (int) offset, 0.6, 0.3),
				new GeneratedToken(16 + (int) offset, 17 + (int) offset, 0.99, 0.005));
	}

	@Test
	void handComputedAnswerSpanMargin() {
		BranchScore s = this.cot.score(0, "The answer is 60.", sixtyTokens(0), 0.8);
		assertThat(s.answer().key()).isEqualTo("60");
		assertThat(s.firstToken()).isEqualTo(3);
		assertThat(s.endToken()).isEqualTo(5);
		// Δ = ((0.7 - 0.2) + (0.6 - 0.3)) / 2 = 0.4
		assertThat(s.answerMargin()).isCloseTo(0.4, within(1e-12));
		// whole path, tokens 1..5: (0.7 + 0.94 + 0.5 + 0.3 + 0.985) / 5 = 0.685
		assertThat(s.pathMargin()).isCloseTo(0.685, within(1e-12));
		assertThat(s.margin(MarginRule.WHOLE_PATH)).isEqualTo(s.pathMargin());
	}

	@Test
	void spanMapsThroughThinkTagsIntoOriginalOffsets() {
		String text = "<think>x</think>The answer is 60.";
		int shift = "<think>x</think>".length();
		List<GeneratedToken> tokens = new ArrayList<>();
		tokens.add(new GeneratedToken(0, shift, 0.5, 0.5));
		for (GeneratedToken t : sixtyTokens(shift)) {
			tokens
				.add((t.start() < 13) ? new GeneratedToken(t.start() + shift, t.end() + shift, t.top1(), t.top2()) : t);
		}
		BranchScore s = this.cot.score(0, text, tokens, 1.0);
		assertThat(s.answerMargin()).isCloseTo(0.4, within(1e-12));
	}

	@Test
	void aTokenPartlyInsideTheSpanCountsAndNoOverlapMeansNoScore() {
		List<GeneratedToken> one = List.of(new GeneratedToken(0, 17, 0.9, 0.1));
		assertThat(this.cot.score(0, "The answer is 60.", one, 1).answerMargin()).isCloseTo(0.8, within(1e-12));
		List<GeneratedToken> before = List.of(new GeneratedToken(0, 13, 0.9, 0.1));
		BranchScore s = this.cot.score(0, "The answer is 60.", before, 1);
		assertThat(s.answerMargin()).isNaN();
		assertThat(s.firstToken()).isEqualTo(-1);
		assertThat(this.cot.score(0, "no answer", before, 1).answer()).isNull();
	}

	@Test
	void logprobsBecomeTopTwoProbabilities() {
		GeneratedToken t = GeneratedToken.fromLogprobs(0, 1, Math.log(0.05), Math.log(0.7), Math.log(0.2));
		assertThat(t.top1()).isCloseTo(0.7, within(1e-12));
		assertThat(t.top2()).isCloseTo(0.2, within(1e-12));
		assertThat(GeneratedToken.fromLogprobs(0, 1, Math.log(0.9)).top2()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new GeneratedToken(0, 1, 0.2, 0.7));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeneratedToken(3, 1, 0.7, 0.2));
	}

	private List<BranchScore> threeBranches() {
		// branch 0: 60 with Δ 0.4; branch 1: 70 with Δ 0.45 (first token p 0.005); branch
		// 2: 60 with Δ 0.3
		BranchScore b0 = this.cot.score(0, "The answer is 60.", List.of(new GeneratedToken(14, 16, 0.6, 0.2)), 0.6);
		BranchScore b1 = this.cot.score(1, "The answer is 70.", List.of(new GeneratedToken(14, 16, 0.5, 0.05)), 0.005);
		BranchScore b2 = this.cot.score(2, "The answer is 60.", List.of(new GeneratedToken(14, 16, 0.5, 0.2)), 0.3);
		return List.of(b0, b1, b2);
	}

	@Test
	void maxPathPicksTheLargestMargin() {
		CotSelection s = this.cot.select(threeBranches(), new CotDecodingOptions(0, false, MarginRule.ANSWER_SPAN));
		assertThat(s.branch()).isEqualTo(1);
		assertThat(s.answer().key()).isEqualTo("70");
		assertThat(s.confidence()).isCloseTo(0.45, within(1e-12));
	}

	@Test
	void aggregationSumsMarginsPerAnswer() {
		CotSelection s = this.cot.select(threeBranches(), new CotDecodingOptions(0, true, MarginRule.ANSWER_SPAN));
		assertThat(s.answer().key()).isEqualTo("60");
		assertThat(s.branch()).isZero();
		assertThat(s.tally().leader().weight()).isCloseTo(0.7, within(1e-12));
		assertThat(s.confidence()).isCloseTo(0.7 / 1.15, within(1e-12));
	}

	@Test
	void firstTokenFloorDropsImplausibleBranchesButKeepsTheTopOne() {
		CotSelection s = this.cot.select(threeBranches(), new CotDecodingOptions(0.01, false, MarginRule.ANSWER_SPAN));
		assertThat(s.branch()).isZero();
		assertThat(s.tally().unparsed()).isEqualTo(1);
		CotSelection top = this.cot.select(threeBranches(),
				new CotDecodingOptions(0.99, false, MarginRule.ANSWER_SPAN));
		assertThat(top.branch()).isZero();
	}

	@Test
	void nothingEligibleMeansNoSelection() {
		BranchScore unparsed = this.cot.score(0, "hmm", List.of(new GeneratedToken(0, 3, 0.9, 0.1)), 1);
		assertThat(this.cot.select(List.of(unparsed), CotDecodingOptions.DEFAULT)).isNull();
	}

	@Test
	void wholePathRuleRanksByTheMarginOfEveryTokenAfterTheFirst() {
		// the confident answer sits on a shaky path, the shaky answer on a confident one
		List<GeneratedToken> shakyPath = List.of(new GeneratedToken(0, 1, 1, 0), new GeneratedToken(1, 14, 0.4, 0.3),
				new GeneratedToken(14, 16, 0.99, 0));
		List<GeneratedToken> steadyPath = List.of(new GeneratedToken(0, 1, 1, 0), new GeneratedToken(1, 14, 0.99, 0),
				new GeneratedToken(14, 16, 0.5, 0.3));
		List<BranchScore> branches = List.of(this.cot.score(0, "The answer is 60.", shakyPath, 0.6),
				this.cot.score(1, "The answer is 70.", steadyPath, 0.3));
		assertThat(this.cot.select(branches, new CotDecodingOptions(0, false, MarginRule.ANSWER_SPAN)).branch())
			.isZero();
		CotSelection whole = this.cot.select(branches, new CotDecodingOptions(0, false, MarginRule.WHOLE_PATH));
		assertThat(whole.branch()).isEqualTo(1);
		// (0.99 + 0.2) / 2
		assertThat(whole.confidence()).isCloseTo(0.595, within(1e-12));
	}

}
