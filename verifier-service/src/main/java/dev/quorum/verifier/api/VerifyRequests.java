// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.JsonFields;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.score.Answers;
import dev.quorum.verifier.score.Candidate;
import dev.quorum.verifier.score.CotSampling;
import dev.quorum.verifier.score.VerifyJob;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code POST /v1/verify} body into a {@link VerifyJob}, applying the configured
 * defaults and caps; every problem is a 400 naming the field. Fields that only one method
 * uses ({@code k}, {@code temperature}, {@code seed} for {@code genrm-cot}) are refused
 * with the others rather than silently ignored.
 */
final class VerifyRequests {

	private static final Set<String> FIELDS = Set.of("question", "candidates", "method", "model", "reference", "k",
			"temperature", "seed");

	private static final Set<String> CANDIDATE_FIELDS = Set.of("solution", "answer");

	private final VerifierProperties properties;

	VerifyRequests(VerifierProperties properties) {
		this.properties = properties;
	}

	VerifyJob parse(JsonNode body) {
		VerifierProperties.Limits limits = this.properties.limits();
		JsonFields fields = JsonFields.root(body);
		fields.rejectUnknown(FIELDS);
		String question = fields.requiredString("question", limits.maxQuestionChars());
		VerifierMethod method = method(fields.string("method"));
		String model = fields.string("model");
		if (model != null) {
			JsonFields.checkText("model", model, 256);
		}
		String reference = null;
		if (fields.has("reference")) {
			reference = AnswerText.read("reference", fields.value("reference"), limits.maxQuestionChars());
			Answers.standard().gold(reference, "reference");
		}
		else if (method == VerifierMethod.REFERENCE) {
			throw ApiException.invalidRequest("reference", "Method 'reference' needs the gold answer in 'reference'.");
		}
		CotSampling cot = cot(fields, method);
		List<Candidate> candidates = candidates(fields.requiredArray("candidates", limits.maxCandidates()), method);
		return new VerifyJob(question, candidates, method, (model != null) ? model.strip() : this.properties.model(),
				reference, cot);
	}

	private static VerifierMethod method(String name) {
		if (name == null) {
			return VerifierMethod.GENRM;
		}
		try {
			return VerifierMethod.parse(name);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest("method", ex.getMessage());
		}
	}

	private CotSampling cot(JsonFields fields, VerifierMethod method) {
		if (method != VerifierMethod.GENRM_COT) {
			for (String name : List.of("k", "temperature", "seed")) {
				if (fields.has(name)) {
					throw ApiException.invalidRequest(name, "'" + name + "' applies only to method 'genrm-cot'.");
				}
			}
			return null;
		}
		VerifierProperties.Cot defaults = this.properties.cot();
		Integer k = fields.integer("k", 1, this.properties.limits().maxK());
		Double temperature = fields.number("temperature", 0, 2);
		return new CotSampling((k != null) ? k : Math.min(defaults.k(), this.properties.limits().maxK()),
				(temperature != null) ? temperature : defaults.temperature(), fields.int64("seed"));
	}

	private List<Candidate> candidates(JsonNode array, VerifierMethod method) {
		int maxChars = this.properties.limits().maxSolutionChars();
		List<Candidate> candidates = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			String param = "candidates[" + i + "]";
			JsonNode value = array.get(i);
			if (value.isString()) {
				candidates.add(Candidate.of(JsonFields.checkText(param, value.stringValue(), maxChars)));
				continue;
			}
			JsonFields candidate = JsonFields.nested(value, param);
			candidate.rejectUnknown(CANDIDATE_FIELDS);
			String answer = candidate.has("answer")
					? AnswerText.read(candidate.param("answer"), candidate.value("answer"), maxChars) : null;
			String solution;
			if (answer != null && method == VerifierMethod.REFERENCE && !candidate.has("solution")) {
				solution = "";
			}
			else {
				solution = candidate.requiredString("solution", maxChars);
			}
			candidates.add(new Candidate(solution, answer));
		}
		return candidates;
	}

}
