// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * {@code tokenize}: the ids of a text and what each one stands for.
 */
final class TokenizeCommand {

	private TokenizeCommand() {
	}

	static int run(Options options, PrintStream out) {
		Path file = Path.of(options.require("model"));
		String text = options.require("text");
		try (GgufFile gguf = GgufFile.open(file)) {
			Tokenizer tokenizer = Tokenizer.fromMetadata(gguf.metadata());
			int[] ids = tokenizer.encode(text, !options.flag("no-bos"), options.flag("special"));
			out.println(ids.length + " tokens");
			for (int id : ids) {
				out.printf("%8d  %s%n", id, printable(tokenizer.tokenText(id)));
			}
			return 0;
		}
	}

	private static String printable(String piece) {
		StringBuilder sb = new StringBuilder("'");
		piece.codePoints().forEach((c) -> {
			if (c == '\n') {
				sb.append("\\n");
			}
			else if (c == '\t') {
				sb.append("\\t");
			}
			else if (Character.isISOControl(c)) {
				sb.append(String.format("\\x%02x", c));
			}
			else {
				sb.appendCodePoint(c);
			}
		});
		return sb.append('\'').toString();
	}

}
