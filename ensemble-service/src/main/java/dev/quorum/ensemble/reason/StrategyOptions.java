// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.JsonFields;
import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.cotdecoding.MarginRule;
import dev.quorum.reasoning.extract.AnswerFormat;
import dev.quorum.reasoning.extract.ExtractionOptions;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopRule;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.strategy.StrategyName;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.strategy.VerifierSpec;
import tools.jackson.databind.JsonNode;

/**
 * The strategy settings a request gives explicitly, every one optional: the fields that
 * {@code /v1/reason} and the chat facade's {@code quorum} object share. Defaults and caps
 * are applied later, by {@link Reasoning#resolve}.
 *
 * @param strategy the strategy
 * @param n samples, or branches k for cot-decoding
 * @param models the models, with weights and per-model samples where given
 * @param temperature the sampling temperature
 * @param maxTokens the most tokens per sample
 * @param promptStyle the prompt style
 * @param answerFormat the extraction options
 * @param verifier the verifier
 * @param earlyStop adaptive stopping
 * @param deadline the deadline
 * @param cotDecoding CoT-decoding options
 * @param seed the sampling seed
 */
public record StrategyOptions(Strategy strategy, Integer n, List<ModelRef> models, Double temperature,
		Integer maxTokens, PromptStyle promptStyle, ExtractionOptions answerFormat, VerifierSpec verifier,
		EarlyStop earlyStop, Duration deadline, CotDecodingOptions cotDecoding, Long seed) {

	/** The field names this record reads. */
	static final Set<String> FIELDS = Set.of("strategy", "n", "models", "temperature", "max_tokens", "prompt_style",
			"answer_format", "verifier", "early_stop", "cot_decoding", "deadline_ms", "seed");

	/**
	 * The largest sample, token or rationale count a request may give; services cap
	 * lower.
	 */
	private static final int MAX_COUNT = 1_000_000;

	/** Nothing given. */
	public static final StrategyOptions NONE = new StrategyOptions(null, null, null, null, null, null, null, null, null,
			null, null, null);

	/**
	 * A model a request names.
	 *
	 * @param name the model name
	 * @param weight its vote weight, or null for the configured one
	 * @param n its samples, or null for the configured ones
	 */
	public record ModelRef(String name, Double weight, Integer n) {
	}

	/**
	 * Reads an object that holds only strategy options (the chat facade's {@code quorum}
	 * object).
	 * @param value the object
	 * @param path its path, for error messages
	 * @param reasoning the service, whose defaults complete partial nested objects
	 * @return the options
	 */
	public static StrategyOptions parse(JsonNode value, String path, Reasoning reasoning) {
		JsonFields fields = JsonFields.nested(value, path);
		fields.rejectUnknown(FIELDS);
		return read(fields, reasoning.settings());
	}

	/**
	 * Reads the shared fields of an object (the caller has checked for unknown ones).
	 * @param fields the object
	 * @param defaults the service defaults that partial objects complete
	 * @return the options
	 */
	static StrategyOptions read(JsonFields fields, Reasoning.Settings defaults) {
		String strategyName = fields.string("strategy");
		Strategy strategy = null;
		if (strategyName != null) {
			strategy = Strategy.find(strategyName.strip());
			if (strategy == null) {
				throw ApiException.invalidRequest(fields.param("strategy"),
						"unknown strategy '" + strategyName + "'; expected one of " + Strategy.known());
			}
		}
		Long deadline = fields.int64("deadline_ms", 1, Long.MAX_VALUE / 1_000_000);
		return new StrategyOptions(strategy, fields.integer("n", 1, MAX_COUNT), models(fields),
				fields.number("temperature"), fields.integer("max_tokens", 1, MAX_COUNT),
				enumValue(fields, "prompt_style", PromptStyle::parse), answerFormat(fields), verifier(fields, defaults),
				earlyStop(fields, defaults), (deadline != null) ? Duration.ofMillis(deadline) : null,
				cotDecoding(fields, defaults), fields.int64("seed"));
	}

	/**
	 * These options with what a strategy model name implies; the name wins where both are
	 * unset, and a conflict is a 400.
	 * @param name the parsed name
	 * @param param the field the name came from
	 * @return the merged options
	 */
	public StrategyOptions withName(StrategyName name, String param) {
		if (this.strategy != null && this.strategy != name.strategy()) {
			throw ApiException.invalidRequest("quorum.strategy", "the quorum object asks for '"
					+ this.strategy.wireName() + "' but " + param + " names '" + name.strategy().wireName() + "'");
		}
		if (this.n != null && name.n() != null && !this.n.equals(name.n())) {
			throw ApiException.invalidRequest("quorum.n",
					"quorum.n=" + this.n + " contradicts the count " + name.n() + " in " + param);
		}
		if (this.models != null) {
			throw ApiException.invalidRequest("quorum.models",
					"the strategy model name in " + param + " already names the models");
		}
		List<ModelRef> named = name.models().stream().map((m) -> new ModelRef(m, null, null)).toList();
		return new StrategyOptions(name.strategy(), (this.n != null) ? this.n : name.n(), named, this.temperature,
				this.maxTokens, this.promptStyle, this.answerFormat, this.verifier, this.earlyStop, this.deadline,
				this.cotDecoding, this.seed);
	}

	private static List<ModelRef> models(JsonFields fields) {
		JsonNode value = fields.value("models");
		if (value == null) {
			return null;
		}
		if (!value.isArray() || value.isEmpty()) {
			throw JsonFields.typeError(fields.param("models"),
					"a non-empty array of model names or {\"name\",\"weight\",\"n\"} objects", value);
		}
		List<ModelRef> models = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			String param = fields.param("models") + "[" + i + "]";
			if (item.isString() && !item.stringValue().isBlank()) {
				models.add(new ModelRef(item.stringValue(), null, null));
				continue;
			}
			JsonFields model = JsonFields.nested(item, param);
			model.rejectUnknown(Set.of("name", "weight", "n"));
			String modelName = model.string("name");
			if (modelName == null || modelName.isBlank()) {
				throw ApiException.invalidRequest(model.param("name"), "'" + model.param("name") + "' is required");
			}
			Double weight = model.number("weight");
			if (weight != null && !(weight > 0)) {
				throw ApiException.invalidRequest(model.param("weight"), "a model's weight must be > 0");
			}
			models.add(new ModelRef(modelName, weight, model.integer("n", 1, MAX_COUNT)));
		}
		return models;
	}

	private static ExtractionOptions answerFormat(JsonFields fields) {
		JsonNode value = fields.value("answer_format");
		if (value == null) {
			return null;
		}
		String param = fields.param("answer_format");
		try {
			if (value.isString()) {
				return ExtractionOptions.of(AnswerFormat.parse(value.stringValue()));
			}
			JsonFields format = JsonFields.nested(value, param);
			format.rejectUnknown(Set.of("type", "pattern", "json_field", "choices"));
			AnswerFormat type = enumValue(format, "type", AnswerFormat::parse);
			String pattern = format.string("pattern");
			ExtractionOptions options;
			if (type == AnswerFormat.REGEX) {
				if (pattern == null) {
					throw ApiException.invalidRequest(format.param("pattern"), "answer_format 'regex' needs a pattern");
				}
				options = ExtractionOptions.regex(pattern);
			}
			else {
				options = ExtractionOptions.of((type != null) ? type : AnswerFormat.AUTO);
				options = (pattern != null) ? options.withPattern(pattern) : options;
			}
			if (format.string("json_field") != null) {
				options = options.withJsonField(format.string("json_field"));
			}
			return (format.string("choices") != null) ? options.withChoices(format.string("choices")) : options;
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest(param, ex.getMessage());
		}
	}

	private static VerifierSpec verifier(JsonFields fields, Reasoning.Settings defaults) {
		JsonNode value = fields.value("verifier");
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return VerifierSpec.genrm(value.stringValue());
		}
		JsonFields verifier = JsonFields.nested(value, fields.param("verifier"));
		verifier.rejectUnknown(Set.of("model", "method", "k"));
		VerifierMethod method = enumValue(verifier, "method", VerifierMethod::parse);
		method = (method != null) ? method : VerifierMethod.GENRM;
		String model = verifier.string("model");
		if (model == null && method != VerifierMethod.REFERENCE) {
			model = defaults.verifierModel();
		}
		Integer k = verifier.integer("k", 1, MAX_COUNT);
		if (k != null && k > 1 && method != VerifierMethod.GENRM_COT) {
			throw ApiException.invalidRequest(verifier.param("k"), "k > 1 needs method 'genrm-cot'");
		}
		int rationales = (k != null) ? k : ((method == VerifierMethod.GENRM_COT) ? defaults.verifierK() : 1);
		return new VerifierSpec(method, (method == VerifierMethod.REFERENCE) ? null : model, rationales);
	}

	private static EarlyStop earlyStop(JsonFields fields, Reasoning.Settings defaults) {
		JsonFields stop = fields.object("early_stop");
		if (stop == null) {
			return null;
		}
		stop.rejectUnknown(Set.of("rule", "min_samples", "wave_size", "confidence"));
		EarlyStop base = defaults.earlyStop();
		StopRule rule = enumValue(stop, "rule", StopRule::parse);
		Integer min = stop.integer("min_samples", 1, MAX_COUNT);
		Integer wave = stop.integer("wave_size", 1, MAX_COUNT);
		Double confidence = stop.number("confidence");
		try {
			return new EarlyStop((rule != null) ? rule : base.rule(), (min != null) ? min : base.minSamples(),
					(wave != null) ? wave : base.waveSize(), (confidence != null) ? confidence : base.confidence());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest(stop.param((confidence != null) ? "confidence" : "min_samples"),
					ex.getMessage());
		}
	}

	private static CotDecodingOptions cotDecoding(JsonFields fields, Reasoning.Settings defaults) {
		JsonFields cot = fields.object("cot_decoding");
		if (cot == null) {
			return null;
		}
		cot.rejectUnknown(Set.of("min_probability", "aggregate", "margin"));
		CotDecodingOptions base = defaults.cotDecoding();
		Double floor = cot.number("min_probability");
		Boolean aggregate = cot.bool("aggregate");
		String margin = cot.string("margin");
		MarginRule rule = base.rule();
		if (margin != null) {
			rule = switch (margin.strip().toLowerCase(java.util.Locale.ROOT)) {
				case "answer_span", "answer-span" -> MarginRule.ANSWER_SPAN;
				case "whole_path", "whole-path" -> MarginRule.WHOLE_PATH;
				default -> throw ApiException.invalidRequest(cot.param("margin"),
						"unknown margin '" + margin + "'; expected answer_span or whole_path");
			};
		}
		try {
			return new CotDecodingOptions((floor != null) ? floor : base.firstTokenFloor(),
					(aggregate != null) ? aggregate : base.aggregate(), rule);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest(cot.param("min_probability"), ex.getMessage());
		}
	}

	private static <E> E enumValue(JsonFields fields, String name, java.util.function.Function<String, E> parse) {
		String value = fields.string(name);
		if (value == null) {
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest(fields.param(name), ex.getMessage());
		}
	}

}
