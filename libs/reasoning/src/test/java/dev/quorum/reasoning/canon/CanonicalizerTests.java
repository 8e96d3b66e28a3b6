// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.canon;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalizerTests {

	private final Canonicalizer canon = Canonicalizer.standard();

	private String key(String raw) {
		return this.canon.canonicalize(raw).key();
	}

	@Test
	void thousandsSeparatorsCurrencyUnitsAndTrailingZeros() {
		for (String raw : new String[] { "1,234", "1 234", "1_234", "1234.00", "$1,234", "1234 dollars", "USD 1234",
				"1\u202f234", "€1,234.", "\\$1,234", "1,234 km" }) {
			CanonicalAnswer a = this.canon.canonicalize(raw);
			assertThat(a.kind()).as(raw).isEqualTo(AnswerKind.NUMBER);
			assertThat(a.key()).as(raw).isEqualTo("1234");
		}
	}

	@Test
	void ambiguousSeparatorsAreNotNumbers() {
		assertThat(this.canon.canonicalize("1,5").kind()).isEqualTo(AnswerKind.TEXT);
		assertThat(this.canon.canonicalize("1.234,5").kind()).isEqualTo(AnswerKind.TEXT);
		assertThat(this.canon.canonicalize("1,2345").kind()).isEqualTo(AnswerKind.TEXT);
	}

	@Test
	void fractionsDecimalsAndPercentsAreEquivalent() {
		assertThat(this.canon.equivalent("3/4", "\\frac{3}{4}")).isTrue();
		assertThat(this.canon.equivalent("\\dfrac34", "0.75")).isTrue();
		assertThat(this.canon.equivalent("75%", "0.75")).isTrue();
		assertThat(this.canon.equivalent("75\\%", "75")).isTrue();
		assertThat(this.canon.equivalent("75 percent", "3/4")).isTrue();
		assertThat(key("75%")).isEqualTo("75");
		assertThat(this.canon.canonicalize("75%").percent()).isTrue();
		assertThat(this.canon.equivalent("-\\frac{1}{2}", "-0.5")).isTrue();
		assertThat(this.canon.equivalent("\\frac{x}{2}", "0.5")).isFalse();
	}

	@Test
	void signsAndLatexWrappers() {
		assertThat(key("\u22125")).isEqualTo("-5");
		assertThat(key("+5")).isEqualTo("5");
		assertThat(key("-$5")).isEqualTo("-5");
		assertThat(key("$\\boxed{12}$")).isEqualTo("12");
		assertThat(key("\\text{5 apples}")).isEqualTo("5");
		assertThat(key("\\(\\left( 7 \\right)\\)")).isEqualTo("7");
		assertThat(key("90^\\circ")).isEqualTo("90");
		assertThat(key("x = 5")).isEqualTo("5");
		assertThat(key("1e3")).isEqualTo("1000");
		assertThat(key("-0.0")).isEqualTo("0");
	}

	@Test
	void toleranceAppliesToNonIntegersOnly() {
		assertThat(this.canon.equivalent("0.333333", "1/3")).isTrue();
		assertThat(this.canon.equivalent("0.33", "1/3")).isFalse();
		assertThat(this.canon.equivalent("2.0000000001", "2")).isTrue();
		assertThat(this.canon.equivalent("1000000", "1000001")).isFalse();
		assertThat(new Canonicalizer(0.01).equivalent("0.33", "1/3")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new Canonicalizer(-1));
	}

	@Test
	void choiceLetters() {
		for (String raw : new String[] { "B", "(b)", "B.", "option B", "Choice (B)", "b)" }) {
			CanonicalAnswer a = this.canon.canonicalize(raw);
			assertThat(a.kind()).as(raw).isEqualTo(AnswerKind.CHOICE);
			assertThat(a.key()).as(raw).isEqualTo("B");
		}
	}

	@Test
	void textIsCaseSpaceAndPunctuationInsensitive() {
		assertThat(this.canon.equivalent("Hello, World!", "hello   world")).isTrue();
		assertThat(this.canon.equivalent("x + 1", "x+1")).isTrue();
		assertThat(this.canon.equivalent("Paris", "London")).isFalse();
		assertThat(this.canon.canonicalize("five").kind()).isEqualTo(AnswerKind.TEXT);
		assertThat(this.canon.equivalent("5", "five")).isFalse();
	}

	@Test
	void nothingLeftMeansNoAnswer() {
		assertThat(this.canon.canonicalize("  ")).isNull();
		assertThat(this.canon.canonicalize("...")).isNull();
		assertThat(this.canon.canonicalize(null)).isNull();
		assertThat(this.canon.equivalent("...", "...")).isFalse();
	}

	@Test
	void kindsNeverMix() {
		CanonicalAnswer number = CanonicalAnswer.number(new BigDecimal("2"), false);
		assertThat(this.canon.equivalent(number, CanonicalAnswer.text("2"))).isFalse();
		assertThat(this.canon.equivalent(CanonicalAnswer.choice('a'), CanonicalAnswer.choice('A'))).isTrue();
	}

}
