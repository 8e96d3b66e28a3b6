// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.completions.CompletionBranching;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import tools.jackson.databind.JsonNode;

/**
 * Strict parsing of {@code POST /v1/completions} bodies, with the rules of
 * {@link ChatCompletionRequests} plus the legacy fields: {@code logprobs} is an integer
 * in [0, 5]; {@code echo} and {@code suffix} are accepted only when off; {@code best_of}
 * only when it equals {@code n} (it would otherwise ask the server to rank hidden
 * samples).
 */
public final class CompletionRequests {

	private static final Set<String> KNOWN;

	static {
		Set<String> known = new HashSet<>(
				Set.of("model", "prompt", "max_tokens", "logprobs", "echo", "suffix", "best_of", "quorum_branching"));
		known.addAll(Sampling.FIELDS);
		KNOWN = Set.copyOf(known);
	}

	/** OpenAI's limit on legacy {@code logprobs}. */
	static final int MAX_LOGPROBS = 5;

	private CompletionRequests() {
	}

	/**
	 * Parses a text completion request.
	 * @param body the JSON body, already parsed (see {@link RequestBodies})
	 * @param limits the service's limits
	 * @return the typed request
	 * @throws ApiException 400 naming the field at fault
	 */
	public static CreateCompletionRequest parse(JsonNode body, RequestLimits limits) {
		JsonFields fields = JsonFields.root(body);
		fields.rejectUnknown(KNOWN);
		String model = fields.requiredString("model");
		CompletionPrompt prompt = prompt(fields);
		Integer maxTokens = Sampling.maxTokens(fields, "max_tokens", limits);
		Sampling sampling = Sampling.read(fields, limits);
		Integer logprobs = fields.integer("logprobs", 0, MAX_LOGPROBS);
		if (Boolean.TRUE.equals(fields.bool("echo"))) {
			throw JsonFields.unsupported("echo", "prompts are not echoed back; send false or leave it out.");
		}
		String suffix = fields.string("suffix");
		if (suffix != null && !suffix.isEmpty()) {
			throw JsonFields.unsupported("suffix", "insertion (fill-in-the-middle) is not supported; leave it out.");
		}
		Integer bestOf = fields.integer("best_of", 1, Integer.MAX_VALUE);
		int n = (sampling.n() != null) ? sampling.n() : 1;
		if (bestOf != null && bestOf < n) {
			throw ApiException.invalidRequest("best_of",
					"Invalid 'best_of': must be greater than or equal to 'n' (" + n + "), but got " + bestOf + ".");
		}
		if (bestOf != null && bestOf > n) {
			throw JsonFields.unsupported("best_of", "server-side ranking of hidden samples is not done; "
					+ "ask for n choices instead (or use a best-of-n strategy model).");
		}
		CompletionBranching branching = branching(fields, limits, n);
		return new CreateCompletionRequest(model, prompt, maxTokens, sampling.temperature(), sampling.topP(),
				sampling.n(), sampling.stream(), sampling.streamOptions(), sampling.stop(), sampling.seed(), logprobs,
				sampling.topK(), sampling.minP(), branching);
	}

	/** Most branches {@code quorum_branching.k} may ask for. */
	static final int MAX_BRANCHES = 64;

	private static CompletionBranching branching(JsonFields fields, RequestLimits limits, int n) {
		JsonNode value = fields.value("quorum_branching");
		if (value == null) {
			return null;
		}
		if (!limits.allowBranching()) {
			throw JsonFields.unsupported("quorum_branching",
					"first-token branching is served by Quorum's decode-service only.");
		}
		if (!value.isObject()) {
			throw JsonFields.typeError("quorum_branching", "an object {\"k\": int, \"min_probability\": number}",
					value);
		}
		JsonFields options = JsonFields.nested(value, "quorum_branching");
		options.rejectUnknown(Set.of("k", "min_probability"));
		Integer k = options.integer("k", 1, MAX_BRANCHES);
		if (k == null) {
			throw JsonFields.missing("quorum_branching.k");
		}
		JsonNode floor = options.value("min_probability");
		Double min = null;
		if (floor != null) {
			if (!floor.isNumber() || floor.doubleValue() < 0 || floor.doubleValue() > 1) {
				throw ApiException.invalidRequest("quorum_branching.min_probability",
						"Invalid 'quorum_branching.min_probability': expected a number in [0, 1].");
			}
			min = floor.doubleValue();
		}
		if (n != 1) {
			throw ApiException.invalidRequest("n", "with quorum_branching each branch is a choice; leave n out.");
		}
		return CompletionBranching.of(k, min);
	}

	private static CompletionPrompt prompt(JsonFields fields) {
		JsonNode value = fields.value("prompt");
		if (value == null) {
			throw JsonFields.missing("prompt");
		}
		if (value.isString()) {
			return CompletionPrompt.of(value.stringValue());
		}
		String expected = "a string, an array of strings, an array of token ids or an array of token-id arrays";
		if (!value.isArray()) {
			throw JsonFields.typeError("prompt", expected, value);
		}
		if (value.isEmpty()) {
			throw JsonFields.emptyArray("prompt");
		}
		JsonNode first = value.get(0);
		if (first.isString()) {
			List<String> texts = new ArrayList<>(value.size());
			for (int i = 0; i < value.size(); i++) {
				if (!value.get(i).isString()) {
					throw JsonFields.typeError("prompt[" + i + "]", "a string, like the other prompts", value.get(i));
				}
				texts.add(value.get(i).stringValue());
			}
			return CompletionPrompt.ofTexts(texts);
		}
		if (first.isIntegralNumber()) {
			return CompletionPrompt.ofTokens(tokenIds(value, "prompt"));
		}
		if (first.isArray()) {
			List<int[]> batch = new ArrayList<>(value.size());
			for (int i = 0; i < value.size(); i++) {
				JsonNode item = value.get(i);
				if (!item.isArray()) {
					throw JsonFields.typeError("prompt[" + i + "]", "an array of token ids, like the other prompts",
							item);
				}
				if (item.isEmpty()) {
					throw ApiException.invalidRequest("prompt[" + i + "]",
							"Invalid 'prompt[" + i + "]': a token-id prompt must not be empty.");
				}
				batch.add(tokenIds(item, "prompt[" + i + "]"));
			}
			return CompletionPrompt.ofTokenBatch(batch);
		}
		throw JsonFields.typeError("prompt[0]", "a string, a token id or an array of token ids", first);
	}

	private static int[] tokenIds(JsonNode array, String param) {
		int[] ids = new int[array.size()];
		for (int i = 0; i < ids.length; i++) {
			JsonNode id = array.get(i);
			String itemParam = param + "[" + i + "]";
			if (!id.isIntegralNumber()) {
				throw JsonFields.typeError(itemParam, "a token id (an integer)", id);
			}
			if (!id.canConvertToInt() || id.intValue() < 0) {
				throw JsonFields.rangeError(itemParam, 0, Integer.MAX_VALUE, id);
			}
			ids[i] = id.intValue();
		}
		return ids;
	}

}
