// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * What both tokenizer families share: BOS and special-token handling around the family's
 * own encoding of raw text, and decoding through per-token byte pieces.
 */
abstract class BaseTokenizer implements Tokenizer {

	private static final byte[] NOTHING = new byte[0];

	final Vocabulary vocabulary;

	private final SpecialTokens specials;

	private final byte[][] pieces; // (vocabSize) bytes each token stands for

	private final boolean stripLeadingSpace;

	/**
	 * @param vocabulary the token table
	 * @param pieces the bytes of every token (control tokens: their text)
	 * @param stripLeadingSpace whether {@link #decode} drops the space that encoding adds
	 * in front of the text
	 */
	BaseTokenizer(Vocabulary vocabulary, byte[][] pieces, boolean stripLeadingSpace) {
		this.vocabulary = vocabulary;
		this.specials = new SpecialTokens(vocabulary);
		this.pieces = pieces;
		this.stripLeadingSpace = stripLeadingSpace;
	}

	/**
	 * Encodes text that holds no special tokens.
	 * @param text a non-empty fragment
	 * @param startsSegment whether the fragment starts the text or follows a special
	 * token
	 * @param out receives the ids
	 */
	abstract void encodeText(String text, boolean startsSegment, IntList out);

	@Override
	public final int[] encode(String text, boolean addBos, boolean parseSpecial) {
		IntList out = new IntList();
		if (addBos && this.vocabulary.addBos) {
			out.add(this.vocabulary.bosId);
		}
		if (!parseSpecial) {
			if (!text.isEmpty()) {
				encodeText(text, true, out);
			}
			return out.toArray();
		}
		this.specials.split(text, new SpecialTokens.Sink() {

			private boolean startsSegment = true;

			@Override
			public void text(String fragment) {
				encodeText(fragment, this.startsSegment, out);
				this.startsSegment = false;
			}

			@Override
			public void token(int id) {
				out.add(id);
				this.startsSegment = true;
			}

		});
		return out.toArray();
	}

	@Override
	public String decode(int[] ids) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boolean first = true;
		for (int id : ids) {
			byte[] piece = piece(id);
			if (isControl(id)) {
				continue;
			}
			int skip = (first && this.stripLeadingSpace && piece.length > 0 && piece[0] == ' ') ? 1 : 0;
			out.write(piece, skip, piece.length - skip);
			first = false;
		}
		byte[] bytes = out.toByteArray();
		return Utf8.decode(bytes, 0, bytes.length);
	}

	@Override
	public TokenDecoder newDecoder() {
		return new TokenDecoder(this);
	}

	/**
	 * The bytes a token adds to decoded text: nothing for control tokens.
	 * @param id token id
	 * @return shared bytes, not to be modified
	 */
	byte[] decodedBytes(int id) {
		return isControl(id) ? NOTHING : piece(id);
	}

	@Override
	public byte[] tokenBytes(int id) {
		return piece(id).clone();
	}

	@Override
	public String tokenText(int id) {
		boolean literal = isControl(id) || this.vocabulary.isType(id, TokenType.UNKNOWN);
		return literal ? this.vocabulary.texts[id] : Utf8.render(piece(id));
	}

	@Override
	public int vocabSize() {
		return this.vocabulary.size();
	}

	@Override
	public int bosId() {
		return this.vocabulary.bosId;
	}

	@Override
	public int eosId() {
		return this.vocabulary.eosId;
	}

	@Override
	public boolean addBos() {
		return this.vocabulary.addBos;
	}

	@Override
	public boolean isControl(int id) {
		checkId(id);
		return this.vocabulary.isType(id, TokenType.CONTROL);
	}

	@Override
	public Set<Integer> stopTokenIds() {
		return this.vocabulary.stopIds;
	}

	private byte[] piece(int id) {
		checkId(id);
		return this.pieces[id];
	}

	private void checkId(int id) {
		if (id < 0 || id >= this.pieces.length) {
			throw new IllegalArgumentException(
					"token id " + id + " is outside the vocabulary of " + this.pieces.length + " tokens");
		}
	}

}
