// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token table shared by both tokenizer families: texts, types, scores, special ids.
 */
final class Vocabulary {

	private static final String PREFIX = "tokenizer.ggml.";

	/** Texts of control tokens that end a turn, as llama.cpp recognises them. */
	private static final Set<String> END_OF_TURN_TEXTS = Set.of("<|eot_id|>", "<|eom_id|>", "<|im_end|>", "<|end|>",
			"<end_of_turn>", "<|endoftext|>", "<EOT>", "<|end\u2581of\u2581sentence|>");

	final String[] texts; // (vocabSize)

	final int[] types; // (vocabSize) TokenType values

	final float[] scores; // (vocabSize) SentencePiece scores, 0 when absent

	/** Token text to id; for duplicated texts the last id wins, as in llama.cpp. */
	final Map<String, Integer> ids;

	final int bosId;

	final int eosId;

	final int unknownId;

	final boolean addBos;

	final Set<Integer> stopIds;

	Vocabulary(Metadata metadata, boolean defaultAddBos) {
		List<?> tokens = metadata.list(PREFIX + "tokens", true);
		List<?> tokenTypes = metadata.list(PREFIX + "token_type", false);
		List<?> tokenScores = metadata.list(PREFIX + "scores", false);
		int size = tokens.size();
		checkLength("token_type", tokenTypes, size);
		checkLength("scores", tokenScores, size);
		this.texts = new String[size];
		this.types = new int[size];
		this.scores = new float[size];
		this.ids = HashMap.newHashMap(size);
		for (int id = 0; id < size; id++) {
			if (!(tokens.get(id) instanceof String text)) {
				throw new IllegalArgumentException(PREFIX + "tokens[" + id + "] is not a string");
			}
			this.texts[id] = text;
			this.types[id] = tokenTypes.isEmpty() ? TokenType.NORMAL : ((Number) tokenTypes.get(id)).intValue();
			this.scores[id] = tokenScores.isEmpty() ? 0f : ((Number) tokenScores.get(id)).floatValue();
			this.ids.put(text, id);
		}
		this.bosId = tokenId(metadata, "bos_token_id");
		this.eosId = tokenId(metadata, "eos_token_id");
		int unknown = tokenId(metadata, "unknown_token_id");
		this.unknownId = (unknown >= 0) ? unknown : firstOfType(TokenType.UNKNOWN);
		this.addBos = metadata.bool(PREFIX + "add_bos_token", defaultAddBos) && this.bosId >= 0;
		this.stopIds = stopIds(metadata);
	}

	int size() {
		return this.texts.length;
	}

	/**
	 * Looks up a token by its exact text.
	 * @param text the token text
	 * @return the id, or -1
	 */
	int id(String text) {
		Integer id = this.ids.get(text);
		return (id != null) ? id : -1;
	}

	boolean isType(int id, int type) {
		return this.types[id] == type;
	}

	private Set<Integer> stopIds(Metadata metadata) {
		Set<Integer> stops = new LinkedHashSet<>();
		for (String key : List.of("eos_token_id", "eot_token_id", "eom_token_id")) {
			int id = tokenId(metadata, key);
			if (id >= 0) {
				stops.add(id);
			}
		}
		for (int id = 0; id < this.texts.length; id++) {
			if (this.types[id] == TokenType.CONTROL && END_OF_TURN_TEXTS.contains(this.texts[id])) {
				stops.add(id);
			}
		}
		return Collections.unmodifiableSet(stops);
	}

	private int tokenId(Metadata metadata, String key) {
		long id = metadata.number(PREFIX + key, -1);
		if (id < 0 || id == 0xFFFF_FFFFL) {
			return -1; // llama.cpp's LLAMA_TOKEN_NULL, sometimes written as u32
		}
		if (id >= this.texts.length) {
			throw new IllegalArgumentException(
					PREFIX + key + " = " + id + " is outside the vocabulary of " + this.texts.length + " tokens");
		}
		return (int) id;
	}

	private int firstOfType(int type) {
		for (int id = 0; id < this.types.length; id++) {
			if (this.types[id] == type) {
				return id;
			}
		}
		return -1;
	}

	private static void checkLength(String key, List<?> values, int size) {
		if (!values.isEmpty() && values.size() != size) {
			throw new IllegalArgumentException(
					PREFIX + key + " has " + values.size() + " entries but there are " + size + " tokens");
		}
	}

}
