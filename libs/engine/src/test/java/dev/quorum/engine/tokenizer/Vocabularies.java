// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GGUF metadata maps built by hand, shaped as the GGUF reader delivers them.
 */
final class Vocabularies {

	static final int BOS = 256;

	static final int EOS = 257;

	static final int PAD = 258;

	private Vocabularies() {
	}

	/**
	 * The shipped tiny models' vocabulary: 256 byte tokens (id = byte), then {@code <s>},
	 * {@code </s>}, {@code <pad>}, no merges.
	 */
	static Map<String, Object> byteVocab() {
		return gpt2("default", List.of(), List.of(), List.of());
	}

	/**
	 * A byte-level BPE vocabulary: the 256 byte tokens, the byte vocab's three control
	 * tokens, then extra tokens.
	 * @param pre the pre-tokenizer name
	 * @param extraTokens texts of tokens 259 and up, in GPT-2 characters
	 * @param extraTypes their types (empty: all normal)
	 * @param merges merge lines, lowest rank first
	 */
	static Map<String, Object> gpt2(String pre, List<String> extraTokens, List<Integer> extraTypes,
			List<String> merges) {
		List<Object> tokens = new ArrayList<>();
		List<Object> types = new ArrayList<>();
		for (int b = 0; b < 256; b++) {
			tokens.add(gpt2Text(new byte[] { (byte) b }));
			types.add(1);
		}
		tokens.addAll(List.of("<s>", "</s>", "<pad>"));
		types.addAll(List.of(3, 3, 3));
		tokens.addAll(extraTokens);
		for (int i = 0; i < extraTokens.size(); i++) {
			types.add(extraTypes.isEmpty() ? 1 : extraTypes.get(i));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("general.architecture", "llama");
		metadata.put("tokenizer.ggml.model", "gpt2");
		metadata.put("tokenizer.ggml.pre", pre);
		metadata.put("tokenizer.ggml.tokens", tokens);
		metadata.put("tokenizer.ggml.token_type", types);
		metadata.put("tokenizer.ggml.merges", new ArrayList<Object>(merges));
		metadata.put("tokenizer.ggml.bos_token_id", BOS);
		metadata.put("tokenizer.ggml.eos_token_id", EOS);
		metadata.put("tokenizer.ggml.padding_token_id", PAD);
		metadata.put("tokenizer.ggml.add_bos_token", true);
		metadata.put("tokenizer.ggml.add_eos_token", false);
		return metadata;
	}

	/**
	 * GPT-2's byte-to-character mapping, written out independently of the main code:
	 * printable Latin-1 bytes stay, the others get U+0100 + n in byte order.
	 */
	static String gpt2Text(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte value : bytes) {
			int b = value & 0xFF;
			int shift = 0;
			for (int other = 0; other < b; other++) {
				shift += printable(other) ? 0 : 1;
			}
			out.append(printable(b) ? (char) b : (char) (256 + shift));
		}
		return out.toString();
	}

	static String gpt2Text(String text) {
		return gpt2Text(text.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean printable(int b) {
		return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
	}

	/**
	 * A SentencePiece vocabulary: {@code <unk>}, {@code <s>}, {@code </s>}, optionally
	 * the 256 {@code <0xXX>} byte tokens, then pieces with scores.
	 * @param pieces piece text to score, in id order
	 * @param byteFallback whether to include the byte tokens
	 */
	static Map<String, Object> spm(Map<String, Float> pieces, boolean byteFallback) {
		List<Object> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
		List<Object> types = new ArrayList<>(List.of(2, 3, 3));
		List<Object> scores = new ArrayList<>(List.of(0f, 0f, 0f));
		if (byteFallback) {
			for (int b = 0; b < 256; b++) {
				tokens.add(String.format("<0x%02X>", b));
				types.add(6);
				scores.add(0f);
			}
		}
		pieces.forEach((text, score) -> {
			tokens.add(text);
			types.add(1);
			scores.add(score);
		});
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("tokenizer.ggml.model", "llama");
		metadata.put("tokenizer.ggml.tokens", tokens);
		metadata.put("tokenizer.ggml.scores", scores);
		metadata.put("tokenizer.ggml.token_type", types);
		metadata.put("tokenizer.ggml.bos_token_id", 1);
		metadata.put("tokenizer.ggml.eos_token_id", 2);
		metadata.put("tokenizer.ggml.unknown_token_id", 0);
		return metadata;
	}

}
