// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.util.Map;

/**
 * Picks the tokenizer family from {@code tokenizer.ggml.model}.
 */
final class TokenizerFactory {

	private TokenizerFactory() {
	}

	static Tokenizer create(Map<String, Object> values) {
		Metadata metadata = new Metadata(values);
		String model = metadata.requireString("tokenizer.ggml.model");
		return switch (model) {
			case "gpt2" -> {
				PreTokenizer pre = PreTokenizer.forName(metadata.string("tokenizer.ggml.pre", null));
				Vocabulary vocabulary = new Vocabulary(metadata, pre.defaultAddBos());
				yield new Gpt2Tokenizer(vocabulary, pre, metadata.list("tokenizer.ggml.merges", true));
			}
			case "llama" -> new SpmTokenizer(new Vocabulary(metadata, true),
					metadata.bool("tokenizer.ggml.add_space_prefix", true));
			default -> throw new IllegalArgumentException(
					"unsupported tokenizer.ggml.model '" + model + "' (supported: gpt2, llama)");
		};
	}

}
