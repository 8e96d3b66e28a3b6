// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Arrays;

/**
 * Decodes generated tokens one at a time into text that contains only complete
 * characters: the first bytes of a character split across tokens are held back until the
 * rest arrives. Bytes that can never form a character come out as U+FFFD at once. Control
 * tokens add nothing. Not thread-safe: one decoder per stream.
 */
public final class TokenDecoder {

	private final BaseTokenizer tokenizer;

	private byte[] pending = new byte[16];

	private int length;

	TokenDecoder(BaseTokenizer tokenizer) {
		this.tokenizer = tokenizer;
	}

	/**
	 * Adds a token.
	 * @param id the token id
	 * @return the text that is now complete, possibly empty
	 */
	public String push(int id) {
		byte[] piece = this.tokenizer.decodedBytes(id);
		if (this.length + piece.length > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(2 * this.pending.length, this.length + piece.length));
		}
		System.arraycopy(piece, 0, this.pending, this.length, piece.length);
		this.length += piece.length;
		int held = Utf8.incompleteTail(this.pending, this.length);
		String text = Utf8.decode(this.pending, 0, this.length - held);
		System.arraycopy(this.pending, this.length - held, this.pending, 0, held);
		this.length = held;
		return text;
	}

	/**
	 * Ends the stream: bytes still held back (an unfinished character) become U+FFFD.
	 * @return the remaining text, usually empty
	 */
	public String flush() {
		String text = Utf8.decode(this.pending, 0, this.length);
		this.length = 0;
		return text;
	}

	/**
	 * Whether bytes of an unfinished character are being held back.
	 * @return true while a character is incomplete
	 */
	public boolean hasPending() {
		return this.length > 0;
	}

}
