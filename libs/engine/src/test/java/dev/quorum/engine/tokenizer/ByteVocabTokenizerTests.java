// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped tiny models' vocabulary: one token per byte, id = byte value.
 */
class ByteVocabTokenizerTests {

	private final Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.byteVocab());

	@Test
	void idsAreTheUtf8Bytes() {
		String text = "Tom has 3 apples.\nLet's think step by step. é 你好 🙂";
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		int[] expected = new int[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			expected[i] = bytes[i] & 0xFF;
		}
		assertThat(this.tokenizer.encode(text, false, false)).containsExactly(expected);
		assertThat(this.tokenizer.decode(expected)).isEqualTo(text);
	}

	@Test
	void everyByteStringRoundTripsThroughTokenBytes() {
		Random random = new Random(42);
		for (int round = 0; round < 200; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			random.nextBytes(bytes);
			int[] ids = new int[bytes.length];
			for (int i = 0; i < bytes.length; i++) {
				ids[i] = bytes[i] & 0xFF;
			}
			assertThat(concat(ids)).isEqualTo(bytes);
			String text = this.tokenizer.decode(ids);
			if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
				assertThat(text).doesNotContain("\uFFFD"); // valid UTF-8 (random bytes
															// never hold U+FFFD)
			}
			else {
				assertThat(text).contains("\uFFFD");
			}
		}
	}

	@Test
	void randomTextRoundTrips() {
		Random random = new Random(7);
		for (int round = 0; round < 200; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(30); i > 0; i--) {
				int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
				if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
					text.appendCodePoint(codePoint);
				}
			}
			int[] ids = this.tokenizer.encode(text.toString(), false, false);
			assertThat(concat(ids)).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
			assertThat(this.tokenizer.decode(ids)).isEqualTo(text.toString());
		}
	}

	@Test
	void addsBosBecauseTheModelAsksForIt() {
		assertThat(this.tokenizer.addBos()).isTrue();
		assertThat(this.tokenizer.encode("A", true, false)).containsExactly(Vocabularies.BOS, 'A');
		assertThat(this.tokenizer.encode("", true, false)).containsExactly(Vocabularies.BOS);
		assertThat(this.tokenizer.encode("", false, false)).isEmpty();
	}

	@Test
	void describesSpecialTokens() {
		assertThat(this.tokenizer.vocabSize()).isEqualTo(259);
		assertThat(this.tokenizer.bosId()).isEqualTo(Vocabularies.BOS);
		assertThat(this.tokenizer.eosId()).isEqualTo(Vocabularies.EOS);
		assertThat(this.tokenizer.stopTokenIds()).containsExactly(Vocabularies.EOS);
		assertThat(this.tokenizer.isControl(Vocabularies.PAD)).isTrue();
		assertThat(this.tokenizer.isControl('a')).isFalse();
	}

	@Test
	void matchesControlTokenTextOnlyWhenParsingSpecials() {
		assertThat(this.tokenizer.encode("a</s>", false, true)).containsExactly('a', Vocabularies.EOS);
		assertThat(this.tokenizer.encode("a</s>", false, false)).containsExactly('a', '<', '/', 's', '>');
	}

	@Test
	void decodeSkipsControlTokens() {
		assertThat(this.tokenizer.decode(new int[] { Vocabularies.BOS, 'h', 'i', Vocabularies.EOS })).isEqualTo("hi");
	}

	@Test
	void tokenBytesAndTextForLogprobs() {
		assertThat(this.tokenizer.tokenBytes(' ')).containsExactly(' ');
		assertThat(this.tokenizer.tokenText(' ')).isEqualTo(" ");
		assertThat(this.tokenizer.tokenBytes(0xF0)).containsExactly(0xF0);
		assertThat(this.tokenizer.tokenText(0xF0)).isEqualTo("bytes:\\xf0");
		assertThat(this.tokenizer.tokenText(Vocabularies.EOS)).isEqualTo("</s>");
		assertThat(this.tokenizer.tokenBytes(Vocabularies.EOS)).isEqualTo("</s>".getBytes(StandardCharsets.UTF_8));
	}

	private byte[] concat(int[] ids) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int id : ids) {
			out.writeBytes(this.tokenizer.tokenBytes(id));
		}
		return out.toByteArray();
	}

}
