// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SentencePiece BPE on a vocabulary whose merges are worked out by hand.
 */
class SpmTokenizerTests {

	private static final int BYTE_0 = 3; // <0x00>; pieces start at 259

	private static Map<String, Float> pieces() {
		Map<String, Float> pieces = new LinkedHashMap<>();
		String[] texts = { "▁", "h", "e", "l", "o", "ll", "he", "▁he", "llo", "▁hello", "lo" };
		for (int i = 0; i < texts.length; i++) {
			pieces.put(texts[i], -1f - i); // earlier pieces score higher
		}
		return pieces;
	}

	private static int id(String piece) {
		return 259 + java.util.List.copyOf(pieces().keySet()).indexOf(piece);
	}

	private final Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.spm(pieces(), true));

	@Test
	void mergesHighestScoreFirstWithASpacePrefix() {
		// ▁ h e l l o: "ll" (-6), "he" (-7), "▁he" (-8), "llo" (-9), then "▁hello" (-10)
		assertThat(this.tokenizer.encode("hello", false, false)).containsExactly(id("▁hello"));
		assertThat(this.tokenizer.encode("hello hello", false, false)).containsExactly(id("▁hello"), id("▁hello"));
	}

	@Test
	void withoutTheSpacePrefixTheWordStaysInPieces() {
		Map<String, Object> metadata = Vocabularies.spm(pieces(), true);
		metadata.put("tokenizer.ggml.add_space_prefix", false);
		Tokenizer tokenizer = Tokenizer.fromMetadata(metadata);
		assertThat(tokenizer.encode("hello", false, false)).containsExactly(id("he"), id("llo"));
		assertThat(tokenizer.decode(new int[] { id("▁hello") })).isEqualTo(" hello");
	}

	@Test
	void fallsBackToBytesForUnknownCharacters() {
		assertThat(this.tokenizer.encode("hé", false, false)).containsExactly(id("▁"), id("h"), BYTE_0 + 0xC3,
				BYTE_0 + 0xA9);
		assertThat(this.tokenizer.tokenText(BYTE_0 + 0xC3)).isEqualTo("bytes:\\xc3");
		assertThat(this.tokenizer.tokenBytes(BYTE_0 + '\n')).containsExactly('\n');
	}

	@Test
	void usesTheUnknownTokenWithoutByteFallback() {
		Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.spm(pieces(), false));
		int h = 3 + 1; // no byte tokens: pieces start at 3
		assertThat(tokenizer.encode("hé", false, false)).containsExactly(3, h, 0);
		assertThat(tokenizer.tokenText(0)).isEqualTo("<unk>");
	}

	@Test
	void decodeRemovesTheAddedSpaceAndRoundTrips() {
		for (String text : new String[] { "", "hello", " hello", "hello  world\n", "héllo 你好 🙂", "<s>" }) {
			assertThat(this.tokenizer.decode(this.tokenizer.encode(text, false, false))).isEqualTo(text);
			assertThat(this.tokenizer.decode(this.tokenizer.encode(text, true, false))).isEqualTo(text);
		}
	}

	@Test
	void addsBosAndParsesSpecialsLikeLlamaCpp() {
		assertThat(this.tokenizer.addBos()).isTrue();
		assertThat(this.tokenizer.encode("", true, false)).containsExactly(1);
		// after a special token the space prefix is added again
		assertThat(this.tokenizer.encode("<s>hello</s>", false, true)).containsExactly(1, id("▁hello"), 2);
		assertThat(this.tokenizer.stopTokenIds()).containsExactly(2);
	}

}
