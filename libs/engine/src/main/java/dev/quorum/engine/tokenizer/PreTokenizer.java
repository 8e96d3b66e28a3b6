// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex that splits text into words before byte-level BPE, chosen by
 * {@code tokenizer.ggml.pre}. Patterns are compiled Unicode-aware ({@code \s} is Unicode
 * White_Space, as in llama.cpp and HF {@code tokenizers}); Java's backtracking matcher
 * gives {@code \s+(?!\S)} the same meaning as theirs: a run of spaces before a word
 * leaves its last space to the word. Contractions match ASCII letters only, as in
 * llama.cpp.
 */
enum PreTokenizer {

	/** GPT-2's regex, also used for {@code default}. */
	GPT2("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+", false, false, "default",
			"gpt2", "gpt-2"),

	/** Llama 3: digits in groups of up to three, newlines kept apart. */
	LLAMA3(PreTokenizer.CONTRACTIONS + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
			+ "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", true, true, "llama-bpe", "llama3", "llama-v3"),

	/** Qwen 2: as Llama 3 but one digit per word. */
	QWEN2(PreTokenizer.CONTRACTIONS + "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
			+ "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", false, false, "qwen2");

	private static final String CONTRACTIONS = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])";

	private final Pattern pattern;

	private final boolean ignoreMerges;

	private final boolean defaultAddBos;

	private final List<String> names;

	PreTokenizer(String regex, boolean ignoreMerges, boolean defaultAddBos, String... names) {
		this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
		this.ignoreMerges = ignoreMerges;
		this.defaultAddBos = defaultAddBos;
		this.names = List.of(names);
	}

	/**
	 * Finds the pre-tokenizer for a {@code tokenizer.ggml.pre} value.
	 * @param name the value; null means {@code default}
	 * @return the pre-tokenizer
	 * @throws IllegalArgumentException naming the value when it is not supported
	 */
	static PreTokenizer forName(String name) {
		String key = (name != null) ? name.toLowerCase(Locale.ROOT) : "default";
		for (PreTokenizer pre : values()) {
			if (pre.names.contains(key)) {
				return pre;
			}
		}
		List<String> known = Arrays.stream(values()).flatMap((pre) -> pre.names.stream()).toList();
		throw new IllegalArgumentException(
				"unsupported tokenizer.ggml.pre '" + name + "' (supported: " + String.join(", ", known) + ")");
	}

	/**
	 * Whether a word that is itself a token is emitted without running the merges
	 * (llama.cpp's {@code ignore_merges}, set for Llama 3).
	 */
	boolean ignoreMerges() {
		return this.ignoreMerges;
	}

	/** The {@code add_bos_token} llama.cpp assumes when the key is absent. */
	boolean defaultAddBos() {
		return this.defaultAddBos;
	}

	/**
	 * Splits text into words; every character lands in exactly one word.
	 * @param text the text (no special tokens)
	 * @return the words in order
	 */
	List<String> split(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = this.pattern.matcher(text);
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() > end) {
				words.add(text.substring(end, matcher.start()));
			}
			if (matcher.end() > matcher.start()) {
				words.add(matcher.group());
			}
			end = matcher.end();
		}
		if (end < text.length()) {
			words.add(text.substring(end));
		}
		return words;
	}

}
