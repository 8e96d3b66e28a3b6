// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * UTF-8 helpers for decoding token bytes that may split characters.
 */
final class Utf8 {

	private static final HexFormat HEX = HexFormat.of();

	private Utf8() {
	}

	/**
	 * The number of bytes at the end of a buffer that start a character which more bytes
	 * could still complete. Bytes that can never become valid (a stray continuation byte,
	 * a wrong second byte) are not held: they decode to U+FFFD at once.
	 * @param bytes the buffer
	 * @param length the number of bytes used
	 * @return 0 to 3
	 */
	static int incompleteTail(byte[] bytes, int length) {
		for (int back = 1; back <= Math.min(3, length); back++) {
			int b = bytes[length - back] & 0xFF;
			if ((b & 0xC0) == 0x80) {
				continue; // continuation byte: look further back for the lead
			}
			int needed = sequenceLength(b);
			if (needed <= back) {
				return 0; // ASCII, an invalid lead, or a sequence already long enough
			}
			if (back >= 2 && !validSecond(b, bytes[length - back + 1] & 0xFF)) {
				return 0;
			}
			return back;
		}
		return 0;
	}

	/**
	 * Decodes bytes, replacing each maximal invalid subpart with one U+FFFD (the Unicode
	 * recommendation that Python and Rust follow; the JDK decoder differs for encoded
	 * surrogates). Doing it by hand keeps streamed and whole decodes equal.
	 * @param bytes the buffer
	 * @param offset first byte
	 * @param length number of bytes
	 * @return the text
	 */
	static String decode(byte[] bytes, int offset, int length) {
		StringBuilder out = new StringBuilder(length);
		int end = offset + length;
		int i = offset;
		while (i < end) {
			int lead = bytes[i] & 0xFF;
			int needed = sequenceLength(lead);
			if (needed == 1) {
				out.append((char) lead);
				i++;
				continue;
			}
			int valid = 1; // bytes of the sequence seen so far that fit
			while (valid < needed && i + valid < end) {
				int next = bytes[i + valid] & 0xFF;
				boolean fits = (valid == 1) ? validSecond(lead, next) : (next & 0xC0) == 0x80;
				if (!fits) {
					break;
				}
				valid++;
			}
			if (needed > 1 && valid == needed) {
				out.appendCodePoint(codePoint(bytes, i, needed));
				i += needed;
			}
			else {
				out.append('\uFFFD');
				i += valid;
			}
		}
		return out.toString();
	}

	private static int codePoint(byte[] bytes, int at, int length) {
		int lead = bytes[at] & 0xFF;
		int value = switch (length) {
			case 2 -> lead & 0x1F;
			case 3 -> lead & 0x0F;
			default -> lead & 0x07;
		};
		for (int k = 1; k < length; k++) {
			value = (value << 6) | (bytes[at + k] & 0x3F);
		}
		return value;
	}

	/**
	 * Renders token bytes for logprobs: the text when they are valid UTF-8 on their own,
	 * else {@code bytes:\xNN...} with every byte, as OpenAI does.
	 * @param bytes token bytes
	 * @return the printable form
	 */
	static String render(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			StringBuilder out = new StringBuilder("bytes:");
			for (byte b : bytes) {
				out.append("\\x").append(HEX.toHexDigits(b));
			}
			return out.toString();
		}
	}

	/** Bytes in the sequence a lead byte starts; 0 for bytes that cannot lead. */
	private static int sequenceLength(int lead) {
		if (lead < 0x80) {
			return 1;
		}
		if (lead >= 0xC2 && lead <= 0xDF) {
			return 2;
		}
		if (lead >= 0xE0 && lead <= 0xEF) {
			return 3;
		}
		if (lead >= 0xF0 && lead <= 0xF4) {
			return 4;
		}
		return 0;
	}

	/**
	 * The second-byte ranges that exclude overlong forms, surrogates and code points
	 * above U+10FFFF.
	 */
	private static boolean validSecond(int lead, int second) {
		return switch (lead) {
			case 0xE0 -> second >= 0xA0 && second <= 0xBF;
			case 0xED -> second >= 0x80 && second <= 0x9F;
			case 0xF0 -> second >= 0x90 && second <= 0xBF;
			case 0xF4 -> second >= 0x80 && second <= 0x8F;
			default -> (second & 0xC0) == 0x80;
		};
	}

}
