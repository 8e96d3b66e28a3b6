// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.gguf.GgufTensorInfo;
import dev.quorum.engine.model.ModelConfig;
import dev.quorum.engine.model.ModelLoader;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * {@code info}: what a GGUF file holds, without running it.
 */
final class InfoCommand {

	private InfoCommand() {
	}

	static int run(Options options, PrintStream out) {
		Path file = Path.of(options.positionalOrOption("model"));
		try (GgufFile gguf = GgufFile.open(file)) {
			out.printf("file:          %s (%,d bytes, GGUF v%d, %d tensors)%n", file, gguf.byteSize(), gguf.version(),
					gguf.tensors().size());
			out.printf("name:          %s%n", gguf.meta().string("general.name", "-"));
			out.printf("architecture:  %s%n", gguf.meta().string("general.architecture", "-"));
			Map<GgmlType, long[]> types = new TreeMap<>();
			long params = 0;
			for (GgufTensorInfo t : gguf.tensors()) {
				long[] agg = types.computeIfAbsent(t.type(), (k) -> new long[2]);
				agg[0]++;
				agg[1] += t.elementCount();
				params += t.elementCount();
			}
			out.printf("parameters:    %,d%n", params);
			types.forEach((type, agg) -> out.printf("tensor type:   %-5s %4d tensors, %,d values%s%n", type, agg[0],
					agg[1], type.supported() ? "" : " (not supported)"));
			try {
				ModelConfig c = ModelLoader.config(gguf);
				out.printf("layers:        %d%n", c.layers());
				out.printf("embedding:     %d%n", c.dim());
				out.printf("feed-forward:  %d%n", c.ffnDim());
				out.printf("heads:         %d query, %d key/value, head size %d%n", c.heads(), c.kvHeads(),
						c.headDim());
				out.printf("context:       %d tokens%n", c.contextLength());
				out.printf("rope:          %s, base %.1f, %d dims%n", c.ropeType(), c.ropeTheta(), c.ropeDim());
				out.printf("output:        %s%n", c.tiedOutput() ? "tied to token_embd" : "output.weight");
			}
			catch (RuntimeException ex) {
				out.printf("model:         not runnable: %s%n", ex.getMessage());
			}
			if (gguf.metadata().containsKey("tokenizer.ggml.model")) {
				Tokenizer tok = Tokenizer.fromMetadata(gguf.metadata());
				out.printf("tokenizer:     %s (pre %s), %d tokens, BOS %d, EOS %d, add BOS %s%n",
						gguf.meta().string("tokenizer.ggml.model", "-"), gguf.meta().string("tokenizer.ggml.pre", "-"),
						tok.vocabSize(), tok.bosId(), tok.eosId(), tok.addBos());
			}
			String template = gguf.meta().string("tokenizer.chat_template", null);
			if (template == null) {
				out.println("chat template: none");
			}
			else {
				String detected;
				try {
					detected = dev.quorum.engine.chat.ChatTemplates.detect(gguf.metadata()).name();
				}
				catch (IllegalArgumentException ex) {
					detected = "not recognised";
				}
				out.printf("chat template: %s (%d characters of Jinja)%n", detected, template.length());
			}
			return 0;
		}
	}

}
