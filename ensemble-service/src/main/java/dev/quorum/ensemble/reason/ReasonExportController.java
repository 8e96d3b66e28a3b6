// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.export.StarLine;
import dev.quorum.ensemble.export.StarWriter;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorResponse;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.parse.JsonFields;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.reasoning.pipeline.ProgressListener;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.web.request.RequestId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /v1/reason/export}: STaR rejection sampling over a batch. The body is
 * JSONL, one question per line with its gold answer ({@code {"id","question","answer"}};
 * {@code gold} may stand for {@code answer}, other fields such as {@code n_ops} are
 * ignored, so {@code models/data/eval.jsonl} works as it is). Query parameters choose the
 * strategy: {@code strategy}, {@code models} (comma-separated), {@code n},
 * {@code temperature}, {@code max_tokens}, {@code prompt_style}, {@code seed} (question
 * {@code i}, counted from 0 without blank lines, uses {@code seed + 1000 i}),
 * {@code deadline_ms}, and {@code concurrency} (questions at once). Every line is checked
 * before anything runs (400 naming {@code line[i].field}). The reply is JSONL too, one
 * line per question in input order:
 * {@code {"id","gold","answer","correct","samples_used","accepted":[records],"file"}}, or
 * {@code {"id","error":{...}}} for a question that failed. Accepted records are appended
 * to the export directory when one is configured.
 */
@RestController
class ReasonExportController {

	private static final List<String> TEXT = List.of("strategy", "prompt_style");

	private static final List<String> INTEGERS = List.of("n", "max_tokens", "seed", "deadline_ms");

	private final Reasoning reasoning;

	private final StarWriter writer;

	private final EnsembleProperties.Export settings;

	ReasonExportController(Reasoning reasoning, StarWriter writer, EnsembleProperties properties) {
		this.reasoning = reasoning;
		this.writer = writer;
		this.settings = properties.export();
	}

	@PostMapping("/v1/reason/export")
	Mono<Void> export(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
		return Mono.defer(() -> {
			MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
			int concurrency = concurrency(query.getFirst("concurrency"));
			StrategyOptions options = StrategyOptions.read(JsonFields.root(optionsOf(query)),
					this.reasoning.settings());
			List<Item> items = items(body, options);
			String requestId = RequestId.of(exchange);
			Flux<byte[]> lines = Flux.fromIterable(items)
				.flatMapSequential((item) -> run(item, requestId), concurrency)
				.map((line) -> {
					byte[] json = OpenAiJson.mapper().writeValueAsBytes(line);
					byte[] framed = new byte[json.length + 1];
					System.arraycopy(json, 0, framed, 0, json.length);
					framed[json.length] = '\n';
					return framed;
				});
			return HttpWrites.stream(exchange.getResponse(), MediaType.APPLICATION_NDJSON, lines);
		});
	}

	private Mono<Map<String, Object>> run(Item item, String requestId) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", item.id());
		return this.reasoning.run(item.call(), ProgressListener.NONE, requestId, "export").flatMap((result) -> {
			List<StarLine> accepted = StarLine.accepted(item.id(), item.call().question(), item.call().gold(),
					item.call().spec().answerFormat(), result);
			line.put("gold", item.call().gold());
			line.put("answer", result.answer());
			line.put("correct", correct(result, accepted));
			line.put("samples_used", result.samplesUsed());
			line.put("accepted", accepted);
			return this.writer.append(accepted).doOnNext((file) -> line.put("file", file)).thenReturn(line);
		}).onErrorResume((error) -> {
			ApiException api = (error instanceof ApiException ex) ? ex
					: ApiException.unavailable("the question failed: " + error.getMessage(), null);
			line.put("error",
					ErrorResponse.of(api.getMessage(), api.type().wireName(), api.param(), api.code()).error());
			return Mono.just(line);
		});
	}

	private static boolean correct(ReasoningResult result, List<StarLine> accepted) {
		return result.answer() != null && accepted.stream().anyMatch((l) -> l.answer().equals(result.answer()));
	}

	private List<Item> items(byte[] body, StrategyOptions options) {
		String text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		String[] rows = text.split("\r?\n");
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].isBlank()) {
				continue;
			}
			if (items.size() == this.settings.maxQuestions()) {
				throw ApiException.invalidRequest(null,
						"the batch holds more than " + this.settings.maxQuestions() + " questions");
			}
			String path = "line[" + i + "]";
			JsonNode row;
			try {
				row = RequestBodies.readTree(rows[i].getBytes(StandardCharsets.UTF_8));
			}
			catch (ApiException ex) {
				throw ApiException.invalidRequest(path, path + " is not valid JSON: " + ex.getMessage());
			}
			JsonFields fields = JsonFields.nested(row, path);
			String question = fields.string("question");
			String gold = (fields.value("answer") != null) ? fields.value("answer").asString() : fields.string("gold");
			if (question == null || gold == null || gold.isBlank()) {
				throw ApiException.invalidRequest(path, path + " needs 'question' and 'answer' (the gold answer)");
			}
			int index = items.size();
			String id = (fields.value("id") != null) ? fields.value("id").asString() : Integer.toString(index);
			StrategyOptions seeded = (options.seed() != null) ? withSeed(options, options.seed() + 1000L * index)
					: options;
			items.add(new Item(id, this.reasoning.resolve(question, List.of(), seeded, gold, "models")));
		}
		if (items.isEmpty()) {
			throw ApiException.invalidRequest(null, "the body holds no questions; send JSONL, one question per line");
		}
		return items;
	}

	private int concurrency(String value) {
		int max = this.settings.maxConcurrency();
		try {
			int concurrency = (value != null) ? Integer.parseInt(value.strip()) : 1;
			if (concurrency >= 1 && concurrency <= max) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiException.invalidRequest("concurrency", "'concurrency' must be an integer from 1 to " + max);
	}

	/**
	 * The query's strategy parameters as the JSON object {@link StrategyOptions} reads.
	 */
	private static ObjectNode optionsOf(MultiValueMap<String, String> query) {
		ObjectNode node = OpenAiJson.mapper().createObjectNode();
		for (String name : query.keySet()) {
			String value = query.getFirst(name);
			if (name.equals("concurrency") || value == null) {
				continue;
			}
			if (TEXT.contains(name)) {
				node.put(name, value);
			}
			else if (name.equals("models")) {
				List.of(value.split(",")).forEach((m) -> node.withArray("models").add(m.strip()));
			}
			else if (name.equals("temperature")) {
				node.put(name, (double) parse(name, value, Double::parseDouble));
			}
			else if (INTEGERS.contains(name)) {
				node.put(name, (long) parse(name, value, Long::parseLong));
			}
			else {
				throw ApiException.invalidRequest(name, "Unrecognized query parameter: " + name + "; expected one of "
						+ "strategy, models, n, temperature, max_tokens, prompt_style, seed, deadline_ms, concurrency");
			}
		}
		return node;
	}

	private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
		try {
			return parser.apply(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalidRequest(name, "'" + name + "' must be a number, got '" + value + "'");
		}
	}

	private static StrategyOptions withSeed(StrategyOptions o, long seed) {
		return new StrategyOptions(o.strategy(), o.n(), o.models(), o.temperature(), o.maxTokens(), o.promptStyle(),
				o.answerFormat(), o.verifier(), o.earlyStop(), o.deadline(), o.cotDecoding(), seed);
	}

	private record Item(String id, Reasoning.Call call) {
	}

}
