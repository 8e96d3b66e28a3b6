// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming decode with the byte vocabulary, where every multi-byte character is split
 * across tokens.
 */
class TokenDecoderTests {

	private final Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.byteVocab());

	@Test
	void holdsBackSplitCharactersUntilComplete() {
		TokenDecoder decoder = this.tokenizer.newDecoder();
		assertThat(decoder.push('a')).isEqualTo("a");
		assertThat(decoder.push(0xF0)).isEmpty();
		assertThat(decoder.push(0x9F)).isEmpty();
		assertThat(decoder.hasPending()).isTrue();
		assertThat(decoder.push(0x99)).isEmpty();
		assertThat(decoder.push(0x82)).isEqualTo("\uD83D\uDE42"); // 🙂
		assertThat(decoder.hasPending()).isFalse();
		assertThat(decoder.flush()).isEmpty();
	}

	@Test
	void streamsCjkAndMultiCodePointEmojiPieceByPiece() {
		String text = "你好, 👨‍👩‍👧! é";
		List<String> pieces = stream(text.getBytes(StandardCharsets.UTF_8));
		assertThat(String.join("", pieces)).isEqualTo(text);
		for (String piece : pieces) {
			assertThat(piece.codePointCount(0, piece.length())).isLessThanOrEqualTo(1);
			assertThat(piece.chars().noneMatch((c) -> c == 0xFFFD)).isTrue();
		}
		assertThat(pieces).contains("你", "好", "\uD83D\uDC68", "\u200D", "é");
	}

	@Test
	void skipsControlTokens() {
		TokenDecoder decoder = this.tokenizer.newDecoder();
		assertThat(decoder.push(Vocabularies.BOS)).isEmpty();
		assertThat(decoder.push(0xC3)).isEmpty();
		assertThat(decoder.push(Vocabularies.EOS)).isEmpty();
		assertThat(decoder.push(0xA9)).isEqualTo("é");
	}

	@Test
	void replacesBytesThatCanNeverCompleteAtOnce() {
		TokenDecoder decoder = this.tokenizer.newDecoder();
		assertThat(decoder.push(0x80)).isEqualTo("\uFFFD"); // a continuation byte with no
															// lead
		assertThat(decoder.push(0xC3)).isEmpty();
		assertThat(decoder.push('A')).isEqualTo("\uFFFDA"); // the lead is cut off by
															// ASCII
		assertThat(decoder.push(0xE0)).isEmpty();
		assertThat(decoder.push(0x80)).isEqualTo("\uFFFD\uFFFD"); // E0 80 would be
																	// overlong
		assertThat(decoder.push(0xFF)).isEqualTo("\uFFFD"); // never a UTF-8 byte
	}

	@Test
	void replacesEachMaximalInvalidSubpartOnce() {
		// as Python's and Rust's lossy decoders do: an encoded surrogate is three bad
		// bytes
		assertThat(this.tokenizer.decode(new int[] { 0xED, 0xA0, 0x80 })).isEqualTo("\uFFFD\uFFFD\uFFFD");
		// a truncated sequence followed by ASCII is one bad subpart
		assertThat(this.tokenizer.decode(new int[] { 0xF0, 0x9F, 0x99, 'a' })).isEqualTo("\uFFFDa");
		assertThat(this.tokenizer.decode(new int[] { 0xC0, 0xAF })).isEqualTo("\uFFFD\uFFFD");
	}

	@Test
	void flushReplacesAnUnfinishedCharacter() {
		TokenDecoder decoder = this.tokenizer.newDecoder();
		decoder.push(0xF0);
		decoder.push(0x9F);
		assertThat(decoder.flush()).isEqualTo("\uFFFD");
		assertThat(decoder.push('x')).isEqualTo("x");
	}

	@Test
	void streamedTextEqualsWholeDecodeForArbitraryBytes() {
		java.util.Random random = new java.util.Random(3);
		for (int round = 0; round < 300; round++) {
			byte[] bytes = new byte[random.nextInt(24)];
			for (int i = 0; i < bytes.length; i++) {
				// bias towards UTF-8 structure: leads, continuations, ASCII
				int[] choices = { 0x41, 0x80 + random.nextInt(64), 0xC2 + random.nextInt(30), 0xE0 + random.nextInt(16),
						0xF0 + random.nextInt(5), random.nextInt(256) };
				bytes[i] = (byte) choices[random.nextInt(choices.length)];
			}
			int[] ids = new int[bytes.length];
			for (int i = 0; i < bytes.length; i++) {
				ids[i] = bytes[i] & 0xFF;
			}
			assertThat(String.join("", stream(bytes))).isEqualTo(this.tokenizer.decode(ids));
		}
	}

	private List<String> stream(byte[] bytes) {
		TokenDecoder decoder = this.tokenizer.newDecoder();
		List<String> pieces = new ArrayList<>();
		for (byte b : bytes) {
			String piece = decoder.push(b & 0xFF);
			if (!piece.isEmpty()) {
				pieces.add(piece);
			}
		}
		String rest = decoder.flush();
		if (!rest.isEmpty()) {
			pieces.add(rest);
		}
		return pieces;
	}

}
