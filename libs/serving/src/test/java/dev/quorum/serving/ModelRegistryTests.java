// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.openai.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelRegistryTests {

	/**
	 * A fixture model of the engine's tests: 259-token byte vocabulary, quorum-qa
	 * template.
	 */
	static final Path FIXTURE = Path.of("..", "engine", "src", "test", "resources", "fixtures", "llama-tied-f32.gguf")
		.toAbsolutePath()
		.normalize();

	static final ModelsProperties.Engine SMALL_ENGINE = new ModelsProperties.Engine(1, DataSize.ofMegabytes(4), 32, 256,
			8, true);

	@Test
	void servesAConfiguredModelWithItsTemplateTokenizerAndKvNamespace() {
		ModelsProperties properties = new ModelsProperties(
				List.of(new ModelsProperties.ModelSpec("fixture", FIXTURE, "auto", "q8", 0)), Path.of("unused"),
				SMALL_ENGINE);
		try (ModelRegistry registry = ModelRegistry.load(properties)) {
			ServedModel served = registry.get("fixture");
			assertThat(served.chatTemplate().name()).isEqualTo("quorum-qa");
			assertThat(served.kvDtype()).isEqualTo(KvDtype.Q8);
			assertThat(served.kvNamespace().modelFingerprint()).hasSize(64).isEqualTo(served.model().fingerprint());
			assertThat(served.kvNamespace().chunkTokens()).isEqualTo(32);
			assertThat(served.kvShape().layers()).isEqualTo(served.model().config().layers());
			assertThat(served.contextLength()).isEqualTo(served.model().config().contextLength());
			String prompt = served.chatTemplate().render(List.of(new ChatMessage("user", "2+2?")), true);
			assertThat(prompt).isEqualTo("Q: 2+2?\nA:\n");
			assertThat(served.tokenizer().encode(prompt, false, false)).hasSize(prompt.length());
			assertThat(registry.all()).hasSize(1);
		}
	}

	@Test
	void unknownModelIsA404NamingIt() {
		ModelsProperties properties = new ModelsProperties(
				List.of(new ModelsProperties.ModelSpec("fixture", FIXTURE, "auto", "f16", 0)), Path.of("unused"),
				SMALL_ENGINE);
		try (ModelRegistry registry = ModelRegistry.load(properties)) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> registry.get("gpt-9"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("model_not_found"))
				.withMessageContaining("gpt-9");
		}
	}

	@Test
	void missingFileOrTemplateStopsStartUpWithTheModelsName(@TempDir Path dir) {
		ModelsProperties missing = new ModelsProperties(
				List.of(new ModelsProperties.ModelSpec("ghost", dir.resolve("ghost.gguf"), "auto", "f16", 0)), dir,
				SMALL_ENGINE);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> ModelRegistry.load(missing))
			.withMessageContaining("ghost")
			.withMessageContaining("no file");
		ModelsProperties badTemplate = new ModelsProperties(
				List.of(new ModelsProperties.ModelSpec("fixture", FIXTURE, "vicuna", "f16", 0)), dir, SMALL_ENGINE);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> ModelRegistry.load(badTemplate))
			.withMessageContaining("vicuna");
	}

	@Test
	void withNoModelsConfiguredTheShippedOnesInTheModelsDirectoryAreServed(@TempDir Path dir) throws IOException {
		Files.copy(FIXTURE, dir.resolve("tiny-reasoner.gguf"));
		ModelsProperties properties = new ModelsProperties(List.of(), dir, SMALL_ENGINE);
		assertThat(properties.resolved()).extracting(ModelsProperties.ModelSpec::id).containsExactly("tiny-reasoner");
		try (ModelRegistry registry = ModelRegistry.load(properties)) {
			assertThat(registry.get("tiny-reasoner").kvDtype()).isEqualTo(KvDtype.F16);
		}
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ModelRegistry.load(new ModelsProperties(List.of(), dir.resolve("empty"), SMALL_ENGINE)))
			.withMessageContaining("No models to serve");
	}

	@Test
	void relativePathsResolveAgainstTheModelsDirectory(@TempDir Path dir) {
		ModelsProperties properties = new ModelsProperties(
				List.of(new ModelsProperties.ModelSpec("m", Path.of("sub", "m.gguf"), "auto", "f16", 0)), dir,
				SMALL_ENGINE);
		assertThat(properties.resolved().get(0).path())
			.isEqualTo(dir.resolve("sub").resolve("m.gguf").toAbsolutePath());
	}

}
