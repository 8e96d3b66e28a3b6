// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.chat.ChatTemplate;
import dev.quorum.engine.chat.ChatTemplates;
import dev.quorum.engine.model.ModelConfig;
import dev.quorum.engine.tokenizer.Tokenizer;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.hash.KvNamespace;
import dev.quorum.openai.ApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The served models, each loaded once (memory-mapped) with its own running engine. Built
 * at start-up, before the service reports ready; closed on shutdown.
 */
public final class ModelRegistry implements AutoCloseable {

	private static final Log log = LogFactory.getLog(ModelRegistry.class);

	private final Map<String, ServedModel> models;

	private ModelRegistry(Map<String, ServedModel> models) {
		this.models = models;
	}

	/**
	 * Loads every configured model and starts its engine.
	 * @param properties the configuration
	 * @return the registry
	 * @throws IllegalStateException when a model cannot be served (missing file,
	 * unsupported architecture, unknown chat template), naming the model and the reason
	 */
	public static ModelRegistry load(ModelsProperties properties) {
		List<ModelsProperties.ModelSpec> specs = properties.resolved();
		if (specs.isEmpty()) {
			throw new IllegalStateException(
					"No models to serve: configure quorum.models[] or put the shipped models in "
							+ properties.modelsDir().toAbsolutePath());
		}
		Map<String, ServedModel> loaded = new LinkedHashMap<>();
		try {
			for (ModelsProperties.ModelSpec spec : specs) {
				if (loaded.containsKey(spec.id())) {
					throw new IllegalStateException("Model id '" + spec.id() + "' is configured twice");
				}
				loaded.put(spec.id(), serve(spec, properties.engine()));
			}
		}
		catch (RuntimeException ex) {
			loaded.values().forEach(ModelRegistry::close);
			throw ex;
		}
		return new ModelRegistry(loaded);
	}

	private static ServedModel serve(ModelsProperties.ModelSpec spec, ModelsProperties.Engine settings) {
		if (!Files.isRegularFile(spec.path())) {
			throw new IllegalStateException("Model '" + spec.id() + "': no file at " + spec.path());
		}
		LoadedModel model;
		try {
			model = LoadedModel.load(spec.path());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Model '" + spec.id() + "' (" + spec.path() + "): " + ex.getMessage(), ex);
		}
		try {
			Tokenizer tokenizer = model.tokenizer()
				.orElseThrow(
						() -> new IllegalStateException("Model '" + spec.id() + "' has no tokenizer in its GGUF file"));
			ChatTemplate template = template(spec, model);
			ModelConfig config = model.config();
			int context = (spec.contextLength() > 0) ? spec.contextLength() : config.contextLength();
			KvNamespace namespace = KvNamespace.of(model.fingerprint(), KvDtype.ofWireName(spec.kvDtype()),
					settings.blockSize());
			KvShape shape = new KvShape(config.layers(), config.kvHeads(), config.headDim());
			Engine engine = Engine.start(model, engineConfig(settings));
			log.info("Serving model '" + spec.id() + "' from " + spec.path().getFileName() + ": "
					+ config.architecture() + ", " + config.layers() + " layers, dim " + config.dim() + ", vocab "
					+ config.vocabSize() + ", context " + context + ", chat template " + template.name()
					+ ", fingerprint " + model.fingerprint().substring(0, 12));
			return new ServedModel(spec.id(), model, engine, tokenizer, template, context, namespace, shape,
					Instant.now().getEpochSecond());
		}
		catch (RuntimeException ex) {
			model.close();
			throw (ex instanceof IllegalStateException) ? ex
					: new IllegalStateException("Model '" + spec.id() + "': " + ex.getMessage(), ex);
		}
	}

	private static ChatTemplate template(ModelsProperties.ModelSpec spec, LoadedModel model) {
		if ("auto".equals(spec.chatTemplate())) {
			return model.chatTemplate()
				.orElseThrow(() -> new IllegalStateException("Model '" + spec.id()
						+ "': no known chat template in the file; set its chat-template to one of "
						+ ChatTemplates.names()));
		}
		return ChatTemplates.forName(spec.chatTemplate());
	}

	static EngineConfig engineConfig(ModelsProperties.Engine settings) {
		int threads = (settings.threads() > 0) ? settings.threads() : Runtime.getRuntime().availableProcessors();
		return new EngineConfig(threads, settings.kvCache().toBytes(), settings.blockSize(), settings.maxBatchTokens(),
				settings.maxSequences(), settings.prefixCaching());
	}

	/**
	 * A served model by id.
	 * @param id the {@code model} a request names
	 * @return the model
	 * @throws ApiException 404 {@code model_not_found} for an unknown id
	 */
	public ServedModel get(String id) {
		ServedModel model = (id != null) ? this.models.get(id) : null;
		if (model == null) {
			throw ApiException.modelNotFound(id);
		}
		return model;
	}

	/**
	 * All served models, in configuration order.
	 * @return the models
	 */
	public Collection<ServedModel> all() {
		return this.models.values();
	}

	@Override
	public void close() {
		List<ServedModel> all = new ArrayList<>(this.models.values());
		all.forEach(ModelRegistry::close);
	}

	private static void close(ServedModel served) {
		try {
			served.engine().close();
		}
		finally {
			served.model().close();
		}
	}

}
