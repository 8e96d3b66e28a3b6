// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The models a service serves, configured once under {@code quorum} for prefill- and
 * decode-service alike (e.g. {@code QUORUM_MODELS_0_ID}, {@code QUORUM_MODELS_0_PATH}).
 * With no {@code quorum.models} configured, the shipped models in
 * {@code quorum.models-dir} are served.
 *
 * @param models the models; empty means the shipped ones
 * @param modelsDir where the shipped models are, and where relative model paths resolve
 * @param engine engine settings, for every model
 */
@Validated
@ConfigurationProperties("quorum")
public record ModelsProperties(@Valid @DefaultValue List<ModelSpec> models, @DefaultValue("models") Path modelsDir,
		@Valid @DefaultValue Engine engine) {

	/** The shipped models, served when none are configured. */
	static final List<String> SHIPPED = List.of("tiny-reasoner", "tiny-reasoner-b", "tiny-verifier");

	/**
	 * The models to serve: the configured ones, else the shipped ones that exist in the
	 * models directory.
	 * @return model specs with absolute paths
	 */
	public List<ModelSpec> resolved() {
		if (!this.models.isEmpty()) {
			return this.models.stream().map((m) -> m.resolveAgainst(this.modelsDir)).toList();
		}
		return SHIPPED.stream()
			.map((id) -> new ModelSpec(id, Path.of(id + ".gguf"), "auto", "f16", 0))
			.map((m) -> m.resolveAgainst(this.modelsDir))
			.filter((m) -> m.path().toFile().isFile())
			.toList();
	}

	/**
	 * One served model.
	 *
	 * @param id the name clients use in {@code model}
	 * @param path the GGUF file (relative paths resolve against {@code models-dir})
	 * @param chatTemplate {@code auto} (from the file's metadata), {@code llama3},
	 * {@code chatml} or {@code quorum-qa}
	 * @param kvDtype element type of KV chunks in Redis: {@code f16} (default),
	 * {@code f32} or {@code q8}
	 * @param contextLength longest prompt plus completion in tokens; 0 takes the file's
	 * {@code context_length}
	 */
	public record ModelSpec(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]+") String id, Path path,
			@DefaultValue("auto") String chatTemplate,
			@DefaultValue("f16") @Pattern(regexp = "f16|f32|q8") String kvDtype,
			@DefaultValue("0") @Min(0) int contextLength) {

		ModelSpec resolveAgainst(Path dir) {
			Path file = (this.path != null) ? this.path : Path.of(this.id + ".gguf");
			Path absolute = (file.isAbsolute() ? file : dir.resolve(file)).toAbsolutePath().normalize();
			return new ModelSpec(this.id, absolute, this.chatTemplate, this.kvDtype, this.contextLength);
		}

	}

	/**
	 * Engine settings (one engine, with its own threads, per model).
	 *
	 * @param threads compute threads per engine; 0 means one per core
	 * @param kvCache memory for the paged KV cache of each engine
	 * @param blockSize tokens per KV block; equal to the KV chunk size so chunks map onto
	 * blocks
	 * @param maxBatchTokens most tokens one forward step processes (decode tokens plus
	 * prefill chunks)
	 * @param maxSequences most sequences running at once
	 * @param prefixCaching reuse the KV of repeated prompt prefixes held in memory
	 */
	public record Engine(@DefaultValue("0") @Min(0) @Max(256) int threads, @DefaultValue("256MB") DataSize kvCache,
			@DefaultValue("32") @Min(1) @Max(1024) int blockSize, @DefaultValue("512") @Min(1) int maxBatchTokens,
			@DefaultValue("64") @Min(1) int maxSequences, @DefaultValue("true") boolean prefixCaching) {
	}

}
