// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.nio.file.Path;
import java.util.Optional;

import dev.quorum.engine.chat.ChatTemplate;
import dev.quorum.engine.chat.ChatTemplates;
import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.gguf.ModelFingerprint;
import dev.quorum.engine.model.ModelConfig;
import dev.quorum.engine.model.ModelLoader;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * A GGUF model mapped into memory with its configuration, tokenizer and chat template.
 * The weights stay in the mapping; {@link Engine#start} builds the compute graph on top.
 * Thread-safe; close it after the engines that use it.
 */
public final class LoadedModel implements AutoCloseable {

	private final GgufFile gguf;

	private final ModelConfig config;

	private final Tokenizer tokenizer;

	private final ChatTemplate chatTemplate;

	private volatile String fingerprint;

	private LoadedModel(GgufFile gguf) {
		this.gguf = gguf;
		this.config = ModelLoader.config(gguf);
		this.tokenizer = gguf.metadata().containsKey("tokenizer.ggml.model") ? Tokenizer.fromMetadata(gguf.metadata())
				: null;
		ChatTemplate template = null;
		try {
			template = ChatTemplates.detect(gguf.metadata());
		}
		catch (IllegalArgumentException ex) {
			// no known template: callers configure one by name
		}
		this.chatTemplate = template;
	}

	/**
	 * Maps and checks a model file.
	 * @param path the GGUF file
	 * @return the model
	 * @throws dev.quorum.engine.gguf.GgufException when the file is not valid GGUF v3
	 * @throws dev.quorum.engine.model.UnsupportedModelException for an unsupported model
	 */
	public static LoadedModel load(Path path) {
		GgufFile gguf = GgufFile.open(path);
		try {
			return new LoadedModel(gguf);
		}
		catch (RuntimeException ex) {
			gguf.close();
			throw ex;
		}
	}

	/**
	 * The mapped file.
	 * @return the GGUF file
	 */
	public GgufFile gguf() {
		return this.gguf;
	}

	/**
	 * The file's path.
	 * @return the path
	 */
	public Path path() {
		return this.gguf.path();
	}

	/**
	 * A display name: {@code general.name}, else the file name.
	 * @return the name
	 */
	public String name() {
		String fallback = (path() != null) ? path().getFileName().toString() : "model";
		return this.gguf.meta().string("general.name", fallback);
	}

	/**
	 * The hyper-parameters.
	 * @return the configuration
	 */
	public ModelConfig config() {
		return this.config;
	}

	/**
	 * The tokenizer from the file's metadata.
	 * @return the tokenizer, or empty for a file without {@code tokenizer.ggml.*} keys
	 */
	public Optional<Tokenizer> tokenizer() {
		return Optional.ofNullable(this.tokenizer);
	}

	/**
	 * The chat template recognised from {@code tokenizer.chat_template}.
	 * @return the template, or empty when none is recognised
	 */
	public Optional<ChatTemplate> chatTemplate() {
		return Optional.ofNullable(this.chatTemplate);
	}

	/**
	 * The SHA-256 of the file, computed on first use and cached by path, size and time.
	 * @return 64 hex digits
	 */
	public String fingerprint() {
		String f = this.fingerprint;
		if (f == null) {
			f = ModelFingerprint.of(path());
			this.fingerprint = f;
		}
		return f;
	}

	/** Unmaps the file. */
	@Override
	public void close() {
		this.gguf.close();
	}

}
