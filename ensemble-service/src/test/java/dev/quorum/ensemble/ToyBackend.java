// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.quorum.ensemble.FakeOpenAi.Call;
import dev.quorum.ensemble.FakeOpenAi.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A scripted OpenAI-compatible model server (byte tokens: one token per character), for
 * the service's tests. Per model: a greedy text and a list of sample texts (sample
 * {@code seed + i} of a request writes text {@code (seed + i) mod size}); CoT-decoding
 * branches as written by {@link #branches}. Token logprobs, when asked for, give every
 * token p = 0.9 against 0.05 for the runner-up, except where a branch says otherwise.
 */
public final class ToyBackend implements Function<Call, Reply> {

	private final Map<String, String> greedy = new ConcurrentHashMap<>();

	private final Map<String, List<String>> samples = new ConcurrentHashMap<>();

	private final Map<String, List<Branch>> branches = new ConcurrentHashMap<>();

	/**
	 * Scripts a model.
	 * @param model the model name
	 * @param greedy its temperature-0 text
	 * @param samples its sampled texts, cycled by sample seed
	 * @return this
	 */
	public ToyBackend model(String model, String greedy, String... samples) {
		this.greedy.put(model, greedy);
		this.samples.put(model, List.of(samples));
		return this;
	}

	/**
	 * Scripts a model's first-token branches (most likely first).
	 * @param model the model
	 * @param branches the branches
	 * @return this
	 */
	public ToyBackend branches(String model, Branch... branches) {
		this.branches.put(model, List.of(branches));
		return this;
	}

	/**
	 * One branch: its text, its first token's probability, and the margin (top1, top2) of
	 * every token after the first.
	 *
	 * @param text the text
	 * @param firstP the first token's probability
	 * @param top1 later tokens' top probability
	 * @param top2 later tokens' runner-up probability
	 */
	public record Branch(String text, double firstP, double top1, double top2) {
	}

	@Override
	public Reply apply(Call call) {
		JsonNode body = call.body();
		String model = body.path("model").asString();
		if (!this.greedy.containsKey(model)) {
			return Reply.error(404, "The model '" + model + "' does not exist");
		}
		return switch (call.path()) {
			case "/v1/chat/completions" -> Reply.json(chat(model, body));
			case "/v1/tokenize" -> Reply.json(tokenize(body));
			case "/v1/completions" -> Reply.json(completion(model, body));
			default -> Reply.error(404, "no such endpoint");
		};
	}

	private Map<String, Object> chat(String model, JsonNode body) {
		int n = body.path("n").asInt(1);
		long seed = body.path("seed").asLong(0);
		boolean greedy = body.path("temperature").asDouble(1) == 0;
		boolean logprobs = body.path("logprobs").asBoolean(false);
		List<Object> choices = new ArrayList<>();
		int completion = 0;
		for (int i = 0; i < n; i++) {
			List<String> texts = this.samples.get(model);
			String text = greedy ? this.greedy.get(model) : texts.get((int) Math.floorMod(seed + i, texts.size()));
			completion += text.length();
			Map<String, Object> choice = new LinkedHashMap<>();
			choice.put("index", i);
			choice.put("message", Map.of("role", "assistant", "content", text));
			choice.put("logprobs", logprobs ? Map.of("content", chatTokens(text)) : null);
			choice.put("finish_reason", "stop");
			choices.add(choice);
		}
		return response("chat.completion", model, choices, prompt(body), completion);
	}

	private static List<Object> chatTokens(String text) {
		List<Object> tokens = new ArrayList<>();
		for (char c : text.toCharArray()) {
			String t = String.valueOf(c);
			tokens.add(Map.of("token", t, "logprob", Math.log(0.9), "bytes", List.of((int) c), "top_logprobs",
					List.of(Map.of("token", t, "logprob", Math.log(0.9), "bytes", List.of((int) c)),
							Map.of("token", "?", "logprob", Math.log(0.05), "bytes", List.of(63)))));
		}
		return tokens;
	}

	private static Map<String, Object> tokenize(JsonNode body) {
		String text = body.has("prompt") ? body.path("prompt").asString()
				: body.path("messages").get(body.path("messages").size() - 1).path("content").asString();
		List<Integer> ids = new ArrayList<>();
		if (!body.has("prompt")) {
			ids.add(256);
		}
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			ids.add(b & 0xFF);
		}
		return Map.of("count", ids.size(), "max_model_len", 1024, "tokens", ids);
	}

	private Map<String, Object> completion(String model, JsonNode body) {
		List<Branch> branches = this.branches.getOrDefault(model, List.of());
		JsonNode prompt = body.path("prompt");
		int last = prompt.get(prompt.size() - 1).asInt();
		List<Object> choices = new ArrayList<>();
		if (body.has("quorum_branching")) {
			int k = body.path("quorum_branching").path("k").asInt();
			double floor = body.path("quorum_branching").path("min_probability").asDouble(0);
			for (int i = 0; i < Math.min(k, branches.size()); i++) {
				if (i == 0 || branches.get(i).firstP() >= floor) {
					choices.add(choice(choices.size(), branches.get(i), 0, branches.get(i).text()));
				}
			}
		}
		else if (body.path("max_tokens").asInt() == 1) {
			Map<String, Double> top = new LinkedHashMap<>();
			branches.stream()
				.limit(body.path("logprobs").asInt())
				.forEach((b) -> top.put(b.text().substring(0, 1), Math.log(b.firstP())));
			Branch first = branches.getFirst();
			choices.add(Map.of("index", 0, "text", first.text().substring(0, 1), "finish_reason", "length", "logprobs",
					Map.of("tokens", List.of(first.text().substring(0, 1)), "token_logprobs",
							List.of(Math.log(first.firstP())), "top_logprobs", List.of(top), "text_offset",
							List.of(0))));
		}
		else {
			Branch branch = branches.stream().filter((b) -> b.text().charAt(0) == last).findFirst().orElseThrow();
			choices.add(choice(0, branch, 1, branch.text().substring(1)));
		}
		return response("text_completion", model, choices, prompt.size(), 10);
	}

	/** A completion choice; offsets count from the prompt, as OpenAI's do. */
	private static Map<String, Object> choice(int index, Branch branch, int from, String text) {
		List<String> tokens = new ArrayList<>();
		List<Double> logprobs = new ArrayList<>();
		List<Map<String, Double>> top = new ArrayList<>();
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			String t = String.valueOf(text.charAt(i));
			boolean first = from + i == 0;
			double p1 = first ? Math.max(branch.firstP(), 0.8) : branch.top1();
			double p = first ? branch.firstP() : branch.top1();
			tokens.add(t);
			logprobs.add(Math.log(p));
			Map<String, Double> alternatives = new LinkedHashMap<>();
			alternatives.put(first ? "T" : t, Math.log(p1));
			alternatives.put("~", Math.log(first ? 0.15 : branch.top2()));
			top.add(alternatives);
			offsets.add(1000 + i);
		}
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", index);
		choice.put("text", text);
		choice.put("logprobs",
				Map.of("tokens", tokens, "token_logprobs", logprobs, "top_logprobs", top, "text_offset", offsets));
		choice.put("finish_reason", "stop");
		return choice;
	}

	private static int prompt(JsonNode body) {
		int chars = 0;
		for (JsonNode m : body.path("messages")) {
			chars += m.path("content").asString().length();
		}
		return chars + 1;
	}

	private static Map<String, Object> response(String object, String model, List<Object> choices, int prompt,
			int completion) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("id", "x-1");
		response.put("object", object);
		response.put("created", 1);
		response.put("model", model);
		response.put("choices", choices);
		response.put("usage",
				Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion));
		return response;
	}

}
