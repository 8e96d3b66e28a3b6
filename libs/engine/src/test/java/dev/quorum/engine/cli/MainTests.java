// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.quorum.engine.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a small model file.
 */
class MainTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return Main.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@Test
	void infoTokenizeAndGenerate() {
		String model = TestModels.write(this.dir.resolve("m.gguf"), TestModels.Spec.small()).toString();
		assertThat(run("info", model)).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("architecture:  llama")
			.contains("layers:        2")
			.contains("259 tokens")
			.contains("chat template: quorum-qa");
		this.out.reset();
		assertThat(run("tokenize", "--model", model, "--text", "Hé")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("4 tokens")
			.contains("256  '<s>'")
			.contains("72  'H'");
		this.out.reset();
		assertThat(run("generate", "--model", model, "--prompt", "Q: 1+1?", "--max-tokens", "5", "--threads", "1",
				"--temperature", "0.7", "--seed", "3", "--no-warmup"))
			.isZero();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("prompt: ").contains("generation: 4 tokens");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'")
			.contains("usage:");
		assertThat(run("generate", "--prompt", "x")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("missing --model");
		assertThat(run("generate", "--model", "m.gguf", "--prompt", "x", "--max-tokens", "many")).isEqualTo(2);
		assertThat(run("info", this.dir.resolve("absent.gguf").toString())).isEqualTo(1);
	}

}
