// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GPT-2's reversible byte-to-character mapping: printable Latin-1 bytes stand for
 * themselves, the other 68 bytes are shifted to U+0100 and up, so every byte string is a
 * string of visible characters (a space becomes {@code Ġ}, a newline {@code Ċ}).
 */
final class ByteLevel {

	private static final char[] BYTE_TO_CHAR = new char[256];

	private static final int[] CHAR_TO_BYTE = new int[512]; // -1 where no byte maps

	static {
		java.util.Arrays.fill(CHAR_TO_BYTE, -1);
		int shifted = 0;
		for (int b = 0; b < 256; b++) {
			boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
			char c = printable ? (char) b : (char) (256 + shifted++);
			BYTE_TO_CHAR[b] = c;
			CHAR_TO_BYTE[c] = b;
		}
	}

	private ByteLevel() {
	}

	static char charOf(int b) {
		return BYTE_TO_CHAR[b & 0xFF];
	}

	/**
	 * Maps bytes to their GPT-2 characters.
	 * @param bytes raw bytes
	 * @return one character per byte
	 */
	static String encode(byte[] bytes) {
		char[] chars = new char[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
		}
		return new String(chars);
	}

	/**
	 * Maps a token text back to bytes. Characters outside the mapping (user-written token
	 * text) are kept as their own UTF-8.
	 * @param text token text in GPT-2 characters
	 * @return the raw bytes
	 */
	static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int b = (c < CHAR_TO_BYTE.length) ? CHAR_TO_BYTE[c] : -1;
			if (b >= 0) {
				out.write(b);
			}
			else {
				int cp = text.codePointAt(i);
				out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(cp) - 1;
			}
		}
		return out.toByteArray();
	}

}
