// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.nio.file.Path;

import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.TestModels;
import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dispatch on the architecture and clear errors for what the engine cannot run.
 */
class ModelLoaderTests {

	@TempDir
	Path dir;

	@Test
	void readsHyperParametersFromTheArchitectureKeys() {
		try (LoadedModel m = LoadedModel.load(TestModels.write(this.dir.resolve("m.gguf"), TestModels.Spec.small()))) {
			ModelConfig c = m.config();
			assertThat(c.architecture()).isEqualTo("llama");
			assertThat(c.layers()).isEqualTo(2);
			assertThat(c.dim()).isEqualTo(64);
			assertThat(c.heads()).isEqualTo(4);
			assertThat(c.kvHeads()).isEqualTo(2);
			assertThat(c.headDim()).isEqualTo(16);
			assertThat(c.vocabSize()).isEqualTo(259);
			assertThat(c.ropeType()).isEqualTo(RopeType.NORM);
			assertThat(c.tiedOutput()).isFalse();
			assertThat(m.tokenizer()).isPresent();
			assertThat(m.chatTemplate().orElseThrow().name()).isEqualTo("quorum-qa");
		}
	}

	@Test
	void unsupportedArchitectureIsNamedAndGeneralNameIsIgnored() {
		GgufWriter w = new GgufWriter().putString("general.architecture", "mamba")
			.putString("general.name", "llama-lookalike");
		Path file = this.dir.resolve("mamba.gguf");
		w.write(file);
		assertThatThrownBy(() -> LoadedModel.load(file)).isInstanceOf(UnsupportedModelException.class)
			.hasMessageContaining("unsupported architecture 'mamba'");
	}

	@Test
	void unsupportedTensorTypeAndMissingKeysAreNamed() {
		GgufWriter w = new GgufWriter().putString("general.architecture", "llama");
		w.putU32("llama.embedding_length", 64).putU32("llama.attention.head_count", 4);
		w.addTensor("token_embd.weight", new long[] { 64, 259 }, GgmlType.F32, null);
		Path noBlocks = this.dir.resolve("nokey.gguf");
		w.write(noBlocks);
		assertThatThrownBy(() -> LoadedModel.load(noBlocks)).hasMessageContaining("llama.feed_forward_length");

		GgufWriter q = new GgufWriter().putString("general.architecture", "llama");
		q.putU32("llama.embedding_length", 256)
			.putU32("llama.attention.head_count", 4)
			.putU32("llama.feed_forward_length", 256)
			.putU32("llama.block_count", 1);
		q.addTensor("token_embd.weight", new long[] { 256, 259 }, GgmlType.Q4_K, null);
		Path kquant = this.dir.resolve("q4k.gguf");
		q.write(kquant);
		try (LoadedModel m = LoadedModel.load(kquant)) {
			assertThatThrownBy(() -> ModelLoader.load(m.gguf(), null)).isInstanceOf(UnsupportedModelException.class)
				.hasMessageContaining("unsupported type Q4_K");
		}
	}

}
