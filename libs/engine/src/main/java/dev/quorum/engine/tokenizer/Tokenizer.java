// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Map;
import java.util.Set;

/**
 * Turns text into token ids and back, as the model's GGUF metadata describes it.
 * <p>
 * Two families are supported, chosen by {@code tokenizer.ggml.model}: {@code gpt2}
 * (byte-level BPE by merge rank, pre-tokenised by the regex named in
 * {@code tokenizer.ggml.pre}) and {@code llama} (SentencePiece BPE by token score, with
 * {@code <0xXX>} byte fallback). Instances are immutable and safe to share between
 * threads; {@link #newDecoder()} gives a per-stream decoder that is not.
 */
public interface Tokenizer {

	/**
	 * Encodes text.
	 * @param text the text; the empty string gives no tokens (or only BOS)
	 * @param addBos add the model's special prefix: BOS is prepended when this is true
	 * <em>and</em> the model asks for it ({@code tokenizer.ggml.add_bos_token}, or the
	 * family default when the key is absent), as llama.cpp's {@code add_special} does. A
	 * caller that wants a BOS whatever the model says prepends {@link #bosId()} itself.
	 * @param parseSpecial match the text of control and user-defined tokens (for example
	 * {@code <|eot_id|>}) in {@code text} and emit their ids; when false such text is
	 * tokenised like any other text. Use true for rendered chat templates, false for user
	 * content.
	 * @return the token ids
	 */
	int[] encode(String text, boolean addBos, boolean parseSpecial);

	/**
	 * Decodes a whole sequence, skipping control tokens (BOS, EOS, ...). Bytes that are
	 * not valid UTF-8 become U+FFFD. For SentencePiece models the space added in front of
	 * the text by {@link #encode} is removed again, so {@code decode(encode(s)) == s}.
	 * @param ids token ids
	 * @return the text
	 */
	String decode(int[] ids);

	/**
	 * A streaming decoder for generated tokens: it returns only complete UTF-8 characters
	 * and holds back the start of a character split across tokens. Unlike
	 * {@link #decode}, it keeps the leading space of the first piece (it continues text).
	 * @return a new decoder with empty state
	 */
	TokenDecoder newDecoder();

	/**
	 * The raw bytes a token stands for (OpenAI logprobs {@code bytes}); for control
	 * tokens, the UTF-8 of their text.
	 * @param id token id
	 * @return a fresh copy of the bytes
	 */
	byte[] tokenBytes(int id);

	/**
	 * The printable form of a token for logprobs: its decoded text, its literal text for
	 * control tokens, or {@code bytes:\xNN...} when the bytes are not valid UTF-8 on
	 * their own (a fragment of a character), as OpenAI renders them.
	 * @param id token id
	 * @return the printable form
	 */
	String tokenText(int id);

	/**
	 * The number of tokens in the vocabulary.
	 * @return the vocabulary size
	 */
	int vocabSize();

	/**
	 * The BOS id.
	 * @return the BOS id, or -1 when the model has none
	 */
	int bosId();

	/**
	 * The EOS id.
	 * @return the EOS id, or -1 when the model has none
	 */
	int eosId();

	/**
	 * Whether the model asks for a BOS in front of every prompt.
	 * @return the effective {@code tokenizer.ggml.add_bos_token}
	 */
	boolean addBos();

	/**
	 * Whether a token is a control token (GGUF token type 3), such as BOS or EOS.
	 * @param id token id
	 * @return true for control tokens
	 */
	boolean isControl(int id);

	/**
	 * Tokens that end a generation: EOS, EOT ({@code tokenizer.ggml.eot_token_id}), EOM,
	 * and control tokens whose text marks an end of turn ({@code <|eot_id|>},
	 * {@code <|im_end|>}, ...).
	 * @return an unmodifiable set of ids
	 */
	Set<Integer> stopTokenIds();

	/**
	 * Builds a tokenizer from GGUF metadata (keys {@code tokenizer.ggml.*}), values
	 * converted as the GGUF reader does (integers as Integer or Long, arrays as Lists).
	 * @param metadata the GGUF metadata
	 * @return the tokenizer
	 * @throws IllegalArgumentException naming the key or value that is missing or not
	 * supported
	 */
	static Tokenizer fromMetadata(Map<String, Object> metadata) {
		return TokenizerFactory.create(metadata);
	}

}
