// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.PriorityQueue;

/**
 * SentencePiece BPE ({@code tokenizer.ggml.model = llama}), as llama.cpp runs it: spaces
 * become {@code ▁}, a space is put in front of the text (and after each special token)
 * when {@code add_space_prefix} is on, adjacent symbols are merged while their
 * concatenation is a token, highest score first, and characters left without a token fall
 * back to {@code <0xXX>} byte tokens (or the unknown token).
 */
final class SpmTokenizer extends BaseTokenizer {

	private static final char SPACE = '\u2581';

	private static final Comparator<Bigram> BEST_FIRST = Comparator.comparingDouble((Bigram b) -> -b.score)
		.thenComparingInt((Bigram b) -> b.left);

	private final boolean addSpacePrefix;

	private final int[] byteTokens; // (256) id of <0xXX>, or -1

	SpmTokenizer(Vocabulary vocabulary, boolean addSpacePrefix) {
		super(vocabulary, pieces(vocabulary), addSpacePrefix);
		this.addSpacePrefix = addSpacePrefix;
		this.byteTokens = new int[256];
		for (int b = 0; b < 256; b++) {
			this.byteTokens[b] = vocabulary.id(String.format("<0x%02X>", b));
		}
	}

	private static byte[][] pieces(Vocabulary vocabulary) {
		byte[][] pieces = new byte[vocabulary.size()][];
		for (int id = 0; id < pieces.length; id++) {
			String text = vocabulary.texts[id];
			pieces[id] = switch (vocabulary.types[id]) {
				case TokenType.BYTE -> byteOf(text);
				case TokenType.CONTROL, TokenType.USER_DEFINED -> text.getBytes(StandardCharsets.UTF_8);
				case TokenType.UNKNOWN -> "\uFFFD".getBytes(StandardCharsets.UTF_8);
				default -> text.replace(SPACE, ' ').getBytes(StandardCharsets.UTF_8);
			};
		}
		return pieces;
	}

	private static byte[] byteOf(String text) {
		if (text.length() == 6 && text.startsWith("<0x") && text.endsWith(">")) {
			return new byte[] { (byte) HexFormat.fromHexDigits(text, 3, 5) };
		}
		throw new IllegalArgumentException("byte token '" + text + "' is not of the form <0xXX>");
	}

	@Override
	void encodeText(String text, boolean startsSegment, IntList out) {
		String escaped = ((this.addSpacePrefix && startsSegment) ? " " + text : text).replace(' ', SPACE);
		new Session(escaped).encode(out);
	}

	private record Bigram(int left, int right, float score, int length) {
	}

	/** The merge state of one text: symbols are code-point runs linked in a list. */
	private final class Session {

		private final String text;

		private final int[] start; // (symbols) char offset

		private final int[] length; // (symbols) chars, 0 once merged away

		private final int[] next; // (symbols) -1 at the end

		private final int[] prev; // (symbols) -1 at the start

		private final PriorityQueue<Bigram> queue = new PriorityQueue<>(BEST_FIRST);

		Session(String text) {
			this.text = text;
			int n = text.codePointCount(0, text.length());
			this.start = new int[n];
			this.length = new int[n];
			this.next = new int[n];
			this.prev = new int[n];
			for (int i = 0, offset = 0; i < n; i++) {
				this.start[i] = offset;
				this.length[i] = Character.charCount(text.codePointAt(offset));
				offset += this.length[i];
				this.prev[i] = i - 1;
				this.next[i] = (i + 1 < n) ? i + 1 : -1;
			}
		}

		void encode(IntList out) {
			for (int i = 1; i < this.start.length; i++) {
				offer(i - 1, i);
			}
			while (!this.queue.isEmpty()) {
				Bigram bigram = this.queue.poll();
				int left = bigram.left;
				int right = bigram.right;
				if (this.length[left] == 0 || this.length[right] == 0
						|| this.length[left] + this.length[right] != bigram.length) {
					continue; // one side has changed since this pair was offered
				}
				this.length[left] += this.length[right];
				this.length[right] = 0;
				this.next[left] = this.next[right];
				if (this.next[right] >= 0) {
					this.prev[this.next[right]] = left;
				}
				offer(this.prev[left], left);
				offer(left, this.next[left]);
			}
			for (int i = 0; i >= 0 && this.start.length > 0; i = this.next[i]) {
				emit(this.text.substring(this.start[i], this.start[i] + this.length[i]), out);
			}
		}

		private void offer(int left, int right) {
			if (left < 0 || right < 0) {
				return;
			}
			int end = this.start[left] + this.length[left] + this.length[right];
			int id = SpmTokenizer.this.vocabulary.id(this.text.substring(this.start[left], end));
			if (id >= 0 && !SpmTokenizer.this.vocabulary.isType(id, TokenType.CONTROL)) {
				float score = SpmTokenizer.this.vocabulary.scores[id];
				this.queue.add(new Bigram(left, right, score, this.length[left] + this.length[right]));
			}
		}

		private void emit(String symbol, IntList out) {
			int id = SpmTokenizer.this.vocabulary.id(symbol);
			if (id >= 0) {
				out.add(id);
				return;
			}
			int unknown = SpmTokenizer.this.vocabulary.unknownId;
			for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
				int byteId = SpmTokenizer.this.byteTokens[b & 0xFF];
				if (byteId >= 0) {
					out.add(byteId);
				}
				else if (unknown >= 0) {
					out.add(unknown);
					return; // one unknown token for the whole character
				}
			}
		}

	}

}
