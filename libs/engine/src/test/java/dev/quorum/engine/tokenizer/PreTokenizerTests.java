// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreTokenizerTests {

	@Test
	void gpt2SplitsWordsNumbersAndPunctuation() {
		assertThat(PreTokenizer.GPT2.split("Hello world's  123 !!")).containsExactly("Hello", " world", "'s", " ",
				" 123", " !!");
		// GPT-2's contractions are lower-case only
		assertThat(PreTokenizer.GPT2.split("I'M fine")).containsExactly("I", "'", "M", " fine");
	}

	@Test
	void llama3GroupsDigitsByThreeAndKeepsNewlinesApart() {
		assertThat(PreTokenizer.LLAMA3.split("12345 abc\n\n  def")).containsExactly("123", "45", " abc", "\n\n", " ",
				" def");
		assertThat(PreTokenizer.LLAMA3.split("I'M fine")).containsExactly("I", "'M", " fine");
		assertThat(PreTokenizer.LLAMA3.split("x = (a+b);\n")).containsExactly("x", " =", " (", "a", "+b", ");\n");
	}

	@Test
	void qwen2SplitsEveryDigit() {
		assertThat(PreTokenizer.QWEN2.split("12345 abc\n\n  def")).containsExactly("1", "2", "3", "4", "5", " abc",
				"\n\n", " ", " def");
	}

	@Test
	void whitespaceIsUnicodeAware() {
		// NO-BREAK SPACE is \s for llama.cpp and HF; with ASCII \s it would join the
		// punctuation class
		assertThat(PreTokenizer.GPT2.split("a\u00A0\u00A0b")).containsExactly("a", "\u00A0", "\u00A0", "b");
		assertThat(PreTokenizer.LLAMA3.split("a\u3000\u3000\u3000b")).containsExactly("a", "\u3000\u3000", "\u3000b");
	}

	@Test
	void lettersDigitsAndSymbolsAreUnicodeAware() {
		assertThat(PreTokenizer.LLAMA3.split("你好世界🙂🙂 café ٣٤٥٦")).containsExactly("你好世界", "🙂🙂", " café", " ", "٣٤٥",
				"٦");
	}

	@Test
	void everyCharacterLandsInOneWord() {
		String text = "  leading, trailing  \t\r\n mixed 123456 ÅÄÖ\u2028 end ";
		for (PreTokenizer pre : PreTokenizer.values()) {
			assertThat(String.join("", pre.split(text))).isEqualTo(text);
		}
	}

}
