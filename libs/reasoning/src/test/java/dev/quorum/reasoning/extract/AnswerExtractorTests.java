// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerExtractorTests {

	private final AnswerExtractor auto = AnswerExtractor.auto();

	private static void assertSpan(String text, Extraction e, String answer, ExtractionMethod method) {
		assertThat(e.answer()).isEqualTo(answer);
		assertThat(e.method()).isEqualTo(method);
		assertThat(text.substring(e.start(), e.end())).isEqualTo(answer);
	}

	@Test
	void answerIsSentenceWithSpanInOriginalText() {
		String text = "427-188=239\n239-7=232\nThe answer is 232.";
		Extraction e = this.auto.extract(text);
		assertSpan(text, e, "232", ExtractionMethod.ANSWER_IS);
		assertThat(e.start()).isEqualTo(text.lastIndexOf("232"));
	}

	@Test
	void answerIsKeepsDecimalsAndDropsMarkdownAndSentencePunctuation() {
		assertThat(this.auto.extract("So the answer is 3.5. Done").answer()).isEqualTo("3.5");
		assertThat(this.auto.extract("The answer is **42**.").answer()).isEqualTo("42");
		assertThat(this.auto.extract("The answer is: $18.00.").answer()).isEqualTo("$18.00");
	}

	@Test
	void answerColonRunsToTheLineEndAndTheLaterMarkerWins() {
		String text = "Answer: 17 apples\nmore text";
		assertSpan(text, this.auto.extract(text), "17 apples", ExtractionMethod.ANSWER_COLON);
		assertThat(this.auto.extract("Answer: 3\nActually the answer is 4.").answer()).isEqualTo("4");
		assertThat(this.auto.extract("The answer is 4.\nAnswer: 3").answer()).isEqualTo("3");
	}

	@Test
	void thinkBlocksAreIgnoredAndSpansPointIntoTheOriginal() {
		String text = "<think>The answer is 5.</think>The answer is 7.";
		Extraction e = this.auto.extract(text);
		assertSpan(text, e, "7", ExtractionMethod.ANSWER_IS);
		assertThat(e.start()).isEqualTo(text.length() - 2);
	}

	@Test
	void unclosedThinkHidesTheRestAndALoneClosingTagHidesWhatPrecedes() {
		assertThat(this.auto.extract("The answer is 3. <THINK>The answer is 9").answer()).isEqualTo("3");
		String text = "thinking: the answer is 9</think> so the answer is 4";
		assertSpan(text, this.auto.extract(text), "4", ExtractionMethod.ANSWER_IS);
		assertThat(this.auto.extract("still thinking 9</think>").parsed()).isFalse();
		assertThat(this.auto.extract("<think>only thoughts 12").parsed()).isFalse();
	}

	@Test
	void taskRegexComesFirstThenJsonField() {
		AnswerExtractor regex = new AnswerExtractor(ExtractionOptions.auto().withPattern("ANS=(\\d+)"));
		String text = "ANS=5 and The answer is 6. \\boxed{7}";
		assertSpan(text, regex.extract(text), "5", ExtractionMethod.TASK_REGEX);
		AnswerExtractor json = new AnswerExtractor(ExtractionOptions.auto().withJsonField("answer"));
		String obj = "{\"answer\": \"42\", \"steps\": 3} The answer is 6.";
		assertSpan(obj, json.extract(obj), "42", ExtractionMethod.JSON_FIELD);
		String num = "{\"answer\": 3.5}";
		assertSpan(num, json.extract(num), "3.5", ExtractionMethod.JSON_FIELD);
	}

	@Test
	void lastBalancedBoxedWithNestedBracesBeatsLaterMarkers() {
		String text = "first \\boxed{\\frac{1}{2}} then \\boxed{\\frac{3}{4}}. The answer is 5.";
		assertSpan(text, this.auto.extract(text), "\\frac{3}{4}", ExtractionMethod.BOXED);
		assertThat(this.auto.extract("$\\boxed 12$").answer()).isEqualTo("12");
		assertThat(this.auto.extract("\\fbox{B}").answer()).isEqualTo("B");
		assertThat(this.auto.extract("\\boxed{unclosed 3").answer()).isEqualTo("3");
	}

	@Test
	void minervaFinalAnswerStopsBeforeTheHope() {
		String text = "Final Answer: The final answer is $18$. I hope it is correct.";
		assertSpan(text, this.auto.extract(text), "$18$", ExtractionMethod.FINAL_ANSWER);
	}

	@Test
	void gsm8kHashes() {
		String text = "Natalia sold 48 clips.\n#### 1,234\n";
		assertSpan(text, this.auto.extract(text), "1,234", ExtractionMethod.HASHES);
	}

	@Test
	void choiceLetterOnlyWhenTheTaskHasOptions() {
		String text = "Between the options, I pick (B) because 3 > 2";
		assertThat(this.auto.extract(text).method()).isEqualTo(ExtractionMethod.LAST_NUMBER);
		AnswerExtractor mcq = new AnswerExtractor(ExtractionOptions.auto().withChoices("ABCD"));
		String letter = "Between the options, I pick (B) because it is so";
		assertSpan(letter, mcq.extract(letter), "B", ExtractionMethod.CHOICE);
	}

	@Test
	void choiceFormatFollowsTheLadderAndIgnoresTheArticle() {
		AnswerExtractor choice = new AnswerExtractor(ExtractionOptions.of(AnswerFormat.CHOICE));
		assertThat(choice.extract("So the answer is (c). Also D is wrong").answer()).isEqualTo("c");
		assertThat(choice.extract("Answer: **D**").answer()).isEqualTo("D");
		assertThat(choice.extract("I considered A first, then E").answer()).isEqualTo("E");
		assertThat(choice.extract("it is a dog").parsed()).isFalse();
	}

	@Test
	void lastNumberTreatsOperatorsAsOperators() {
		String text = "Tom had 5 apples and got 3 more, so 8";
		assertSpan(text, this.auto.extract(text), "8", ExtractionMethod.LAST_NUMBER);
		assertThat(this.auto.extract("10-4").answer()).isEqualTo("4");
		assertThat(this.auto.extract("x = -5").answer()).isEqualTo("-5");
		assertThat(this.auto.extract("total 1,234,567 people").answer()).isEqualTo("1,234,567");
		assertThat(this.auto.extract("ratio 3/4").answer()).isEqualTo("3/4");
		assertThat(this.auto.extract("list 1,2,3").answer()).isEqualTo("3");
	}

	@Test
	void explicitNumberAndRegexFormats() {
		AnswerExtractor number = new AnswerExtractor(ExtractionOptions.of(AnswerFormat.NUMBER));
		assertThat(number.extract("The answer is 5. Check: 12").answer()).isEqualTo("12");
		AnswerExtractor regex = new AnswerExtractor(ExtractionOptions.regex("Result: (\\w+)"));
		assertSpan("Result: foo", regex.extract("Result: foo"), "foo", ExtractionMethod.TASK_REGEX);
		assertThat(regex.extract("The answer is 5.").parsed()).isFalse();
	}

	@Test
	void unparsedHasNoSpan() {
		Extraction e = this.auto.extract("no digits here");
		assertThat(e).isEqualTo(Extraction.unparsed());
		assertThat(e.method()).isEqualTo(ExtractionMethod.UNPARSED);
		assertThat(e.start()).isEqualTo(-1);
		assertThat(this.auto.extract(null).parsed()).isFalse();
		assertThat(this.auto.extract("").parsed()).isFalse();
	}

	@Test
	void formatNamesAndInvalidOptionsAreRejectedClearly() {
		assertThat(AnswerFormat.parse("Choice")).isEqualTo(AnswerFormat.CHOICE);
		assertThatIllegalArgumentException().isThrownBy(() -> AnswerFormat.parse("xml")).withMessageContaining("auto");
		assertThatIllegalArgumentException().isThrownBy(() -> ExtractionOptions.of(AnswerFormat.REGEX))
			.withMessageContaining("pattern");
		assertThatIllegalArgumentException().isThrownBy(() -> ExtractionOptions.regex("(unclosed"))
			.withMessageContaining("invalid answer regex");
		assertThatIllegalArgumentException().isThrownBy(() -> ExtractionOptions.auto().withChoices("ab"));
	}

}
