// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.quorum.engine.tokenizer.Vocabularies.gpt2Text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Byte-level BPE on small vocabularies whose merges are worked out by hand.
 */
class BpeTokenizerTests {

	// ids: 259 "Ġt", 260 "he", 261 "Ġthe", 262 "er", 263 "aa", 264 "ab", 265 "xyz"
	private static final List<String> TOKENS = List.of("\u0120t", "he", "\u0120the", "er", "aa", "ab", "xyz");

	private static final List<String> MERGES = List.of("\u0120 t", "h e", "\u0120t he", "e r", "a a", "x y", "xy z");

	private static Tokenizer tokenizer(String pre) {
		return Tokenizer.fromMetadata(Vocabularies.gpt2(pre, TOKENS, List.of(), MERGES));
	}

	@Test
	void appliesMergesByRankNotByPosition() {
		// Ġ t h e r e: "Ġ t" (0), then "h e" (1), then "Ġt he" (2); "e r" (3) never gets
		// its e
		assertThat(tokenizer("default").encode(" there", false, false)).containsExactly(261, 'r', 'e');
		// without the leading space, "h e" wins over "e r" by rank
		assertThat(tokenizer("default").encode("ther", false, false)).containsExactly('t', 260, 'r');
	}

	@Test
	void mergesTheLeftmostOfEqualPairsFirst() {
		assertThat(tokenizer("default").encode("aaa", false, false)).containsExactly(263, 'a');
		assertThat(tokenizer("default").encode("aaaa", false, false)).containsExactly(263, 263);
	}

	@Test
	void mergesThroughPartsThatAreNotTokens() {
		// "xy" is no token, yet "x y" then "xy z" reaches "xyz", as llama.cpp merges by
		// text
		assertThat(tokenizer("default").encode("xyz", false, false)).containsExactly(265);
		// a word that stops at "xy" is spelled out in byte tokens
		assertThat(tokenizer("default").encode("xy", false, false)).containsExactly('x', 'y');
	}

	@Test
	void llama3TakesWholeWordTokensWithoutMerging() {
		// "ab" is a token that no merge makes: Llama 3 (ignore_merges) uses it, GPT-2
		// does not
		assertThat(tokenizer("llama-bpe").encode("ab", false, false)).containsExactly(264);
		assertThat(tokenizer("default").encode("ab", false, false)).containsExactly('a', 'b');
	}

	@Test
	void llama3AddsBosByDefaultWhenTheKeyIsAbsent() {
		Map<String, Object> metadata = Vocabularies.gpt2("llama-bpe", TOKENS, List.of(), MERGES);
		metadata.remove("tokenizer.ggml.add_bos_token");
		assertThat(Tokenizer.fromMetadata(metadata).addBos()).isTrue();
		metadata.put("tokenizer.ggml.pre", "qwen2");
		assertThat(Tokenizer.fromMetadata(metadata).addBos()).isFalse();
	}

	@Test
	void roundTripsTextWithAndWithoutMerges() {
		Tokenizer tokenizer = tokenizer("llama-bpe");
		for (String text : List.of("", " ", "the theater there", "  \n\n\t x", "ça 你好 👨‍👩‍👧 12345", "aaaaaaa")) {
			assertThat(tokenizer.decode(tokenizer.encode(text, false, false))).isEqualTo(text);
		}
	}

	@Test
	void userDefinedAndControlTokensAreMatchedWhenParsingSpecials() {
		Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.gpt2("llama-bpe",
				List.of("<|eot_id|>", "<tool>", "<tool_call>"), List.of(3, 4, 4), List.of()));
		assertThat(tokenizer.encode("a<|eot_id|><tool_call>b<tool>", false, true)).containsExactly('a', 259, 261, 'b',
				260);
		assertThat(tokenizer.encode("<tool>", false, false)).containsExactly('<', 't', 'o', 'o', 'l', '>');
		assertThat(tokenizer.stopTokenIds()).containsExactlyInAnyOrder(Vocabularies.EOS, 259);
		// user-defined tokens decode as their text, control tokens vanish
		assertThat(tokenizer.decode(new int[] { 'a', 259, 260 })).isEqualTo("a<tool>");
	}

	@Test
	void keepsAWordSplitAcrossTokensByteExact() {
		// a real vocabulary holds tokens with half a character: "Ġð" + "ŁĻĤ" = " 🙂"
		String first = gpt2Text(new byte[] { ' ', (byte) 0xF0 });
		String second = gpt2Text(new byte[] { (byte) 0x9F, (byte) 0x99, (byte) 0x82 });
		Tokenizer tokenizer = Tokenizer.fromMetadata(Vocabularies.gpt2("default", List.of(first, second), List.of(),
				List.of(gpt2Text(" ") + " " + first.substring(1), second.substring(0, 1) + " " + second.substring(1, 2),
						second.substring(0, 2) + " " + second.substring(2))));
		int[] ids = tokenizer.encode(" \uD83D\uDE42", false, false);
		assertThat(ids).containsExactly(259, 260);
		assertThat(tokenizer.tokenText(259)).isEqualTo("bytes:\\x20\\xf0");
		assertThat(tokenizer.tokenBytes(260)).containsExactly(0x9F, 0x99, 0x82);
		assertThat(tokenizer.decode(ids)).isEqualTo(" \uD83D\uDE42");
	}

	@Test
	void handlesLongInputsWithoutBlowingUp() {
		// one 10,000-letter word (the merge loop) and 10,000 chars of mixed text (the
		// regex)
		Tokenizer tokenizer = tokenizer("llama-bpe");
		String word = "a".repeat(10_000);
		assertThat(tokenizer.encode(word, false, false)).hasSize(5_000).containsOnly(263);
		String mixed = "the  12345\n\n\t aaa, ça 你好!".repeat(400).substring(0, 10_000);
		assertThat(tokenizer.decode(tokenizer.encode(mixed, false, false))).isEqualTo(mixed);
		String spaces = " ".repeat(10_000) + "x";
		assertThat(new String(concat(tokenizer, tokenizer.encode(spaces, false, false)), StandardCharsets.UTF_8))
			.isEqualTo(spaces);
	}

	@Test
	void rejectsWhatItDoesNotKnowByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> tokenizer("deepseek-coder"))
			.withMessageContaining("tokenizer.ggml.pre 'deepseek-coder'")
			.withMessageContaining("llama-bpe");
		Map<String, Object> metadata = Vocabularies.byteVocab();
		metadata.put("tokenizer.ggml.model", "bert");
		assertThatIllegalArgumentException().isThrownBy(() -> Tokenizer.fromMetadata(metadata))
			.withMessageContaining("tokenizer.ggml.model 'bert'");
		metadata.put("tokenizer.ggml.model", "gpt2");
		metadata.remove("tokenizer.ggml.merges");
		assertThatIllegalArgumentException().isThrownBy(() -> Tokenizer.fromMetadata(metadata))
			.withMessageContaining("tokenizer.ggml.merges");
	}

	@Test
	void namesKeysOfTheWrongTypeAndReadsAbsentIdsWrittenAsU32() {
		Map<String, Object> metadata = Vocabularies.byteVocab();
		metadata.put("tokenizer.ggml.add_bos_token", 1);
		assertThatIllegalArgumentException().isThrownBy(() -> Tokenizer.fromMetadata(metadata))
			.withMessageContaining("'tokenizer.ggml.add_bos_token' should be a boolean but is Integer");
		metadata.put("tokenizer.ggml.add_bos_token", true);
		metadata.put("tokenizer.ggml.bos_token_id", 0xFFFF_FFFFL); // llama.cpp's "no
																	// token" as u32
		Tokenizer tokenizer = Tokenizer.fromMetadata(metadata);
		assertThat(tokenizer.bosId()).isEqualTo(-1);
		assertThat(tokenizer.addBos()).isFalse();
		metadata.put("tokenizer.ggml.eos_token_id", 300);
		assertThatIllegalArgumentException().isThrownBy(() -> Tokenizer.fromMetadata(metadata))
			.withMessageContaining("eos_token_id = 300 is outside the vocabulary of 259 tokens");
	}

	private static byte[] concat(Tokenizer tokenizer, int[] ids) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (int id : ids) {
			out.writeBytes(tokenizer.tokenBytes(id));
		}
		return out.toByteArray();
	}

}
