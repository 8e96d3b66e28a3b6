// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE ({@code tokenizer.ggml.model = gpt2}): text is split into words by the
 * pre-tokenizer regex, each word's UTF-8 bytes become GPT-2 characters, and merges are
 * applied by rank. Words are cached, since prompts repeat them.
 */
final class Gpt2Tokenizer extends BaseTokenizer {

	private static final int CACHE_ENTRIES = 65_536;

	private static final int CACHED_WORD_LENGTH = 64; // chars; longer words are not
														// cached

	private final PreTokenizer preTokenizer;

	private final BpeMerges merges;

	private final Map<String, int[]> cache = new ConcurrentHashMap<>();

	Gpt2Tokenizer(Vocabulary vocabulary, PreTokenizer preTokenizer, List<?> merges) {
		super(vocabulary, pieces(vocabulary), false);
		this.preTokenizer = preTokenizer;
		this.merges = new BpeMerges(merges, vocabulary);
	}

	private static byte[][] pieces(Vocabulary vocabulary) {
		byte[][] pieces = new byte[vocabulary.size()][];
		for (int id = 0; id < pieces.length; id++) {
			String text = vocabulary.texts[id];
			boolean literal = switch (vocabulary.types[id]) {
				case TokenType.CONTROL, TokenType.USER_DEFINED, TokenType.UNKNOWN -> true;
				default -> false;
			};
			// special tokens are stored as plain text; the others in GPT-2 characters
			pieces[id] = literal ? text.getBytes(StandardCharsets.UTF_8) : ByteLevel.decode(text);
		}
		return pieces;
	}

	@Override
	void encodeText(String text, boolean startsSegment, IntList out) {
		for (String word : this.preTokenizer.split(text)) {
			out.addAll(word(word));
		}
	}

	private int[] word(String word) {
		if (word.length() > CACHED_WORD_LENGTH) {
			return encodeWord(word);
		}
		int[] ids = this.cache.get(word);
		if (ids == null) {
			ids = encodeWord(word);
			if (this.cache.size() >= CACHE_ENTRIES) {
				this.cache.clear(); // crude but bounded; a full cache is rebuilt quickly
			}
			this.cache.put(word, ids);
		}
		return ids;
	}

	private int[] encodeWord(String word) {
		byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
		if (this.preTokenizer.ignoreMerges()) {
			int id = this.vocabulary.id(ByteLevel.encode(bytes));
			if (id >= 0 && !this.vocabulary.isType(id, TokenType.CONTROL)) {
				return new int[] { id };
			}
		}
		int[] symbols = new int[bytes.length];
		boolean synthetic = false;
		for (int i = 0; i < bytes.length; i++) {
			symbols[i] = this.merges.byteSymbol(bytes[i]);
		}
		int[] merged = this.merges.merge(symbols);
		for (int symbol : merged) {
			synthetic |= symbol >= this.vocabulary.size();
		}
		return synthetic ? spellOut(merged) : merged;
	}

	/**
	 * Replaces symbols that are not tokens by the tokens of their single characters, as
	 * llama.cpp does; characters without a token become the unknown token, or vanish.
	 */
	private int[] spellOut(int[] symbols) {
		IntList ids = new IntList();
		for (int symbol : symbols) {
			if (symbol < this.vocabulary.size()) {
				ids.add(symbol);
				continue;
			}
			String text = this.merges.syntheticText(symbol);
			for (int i = 0; i < text.length(); i++) {
				int id = this.vocabulary.id(String.valueOf(text.charAt(i)));
				id = (id >= 0) ? id : this.vocabulary.unknownId;
				if (id >= 0) {
					ids.add(id);
				}
			}
		}
		return ids.toArray();
	}

}
