// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.JsonFields;
import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.score.Answers;
import dev.quorum.verifier.score.RewardSample;
import tools.jackson.databind.JsonNode;

/**
 * Reads OpenRLHF's remote reward-model body {@code {"query":[...], "prompts":[...],
 * "labels":[...]}}: {@code query} is required; {@code prompts} and {@code labels}, when
 * given, have one entry per query. A sample with a label (a string or number; null or
 * absent means none) is scored by the reference rule; one without by GenRM, which needs
 * its prompt for the question.
 */
final class RewardsRequests {

	private static final Set<String> FIELDS = Set.of("query", "prompts", "labels");

	private final VerifierProperties.Limits limits;

	RewardsRequests(VerifierProperties properties) {
		this.limits = properties.limits();
	}

	List<RewardSample> parse(JsonNode body) {
		JsonFields fields = JsonFields.root(body);
		fields.rejectUnknown(FIELDS);
		JsonNode query = fields.requiredArray("query", this.limits.maxRewardSamples());
		JsonNode prompts = sameLength(fields, "prompts", query.size());
		JsonNode labels = sameLength(fields, "labels", query.size());
		int maxQuery = this.limits.maxQuestionChars() + this.limits.maxSolutionChars();
		List<RewardSample> samples = new ArrayList<>(query.size());
		for (int i = 0; i < query.size(); i++) {
			String text = text(query.get(i), "query[" + i + "]", maxQuery);
			String prompt = (prompts != null) ? text(prompts.get(i), "prompts[" + i + "]", maxQuery) : null;
			String label = label(labels, i);
			String response = RewardPrompts.response(text, prompt);
			if (response == null) {
				throw ApiException.invalidRequest("query[" + i + "]", "query[" + i + "] does not start with prompts["
						+ i + "]; send the prompt and the response" + " decoded together as the query");
			}
			if (label == null && prompt == null) {
				throw ApiException.invalidRequest("prompts", "Sample " + i + " has no label, so it is scored by GenRM,"
						+ " which needs its prompt for the question; send 'prompts' or a label");
			}
			String question = (label == null) ? RewardPrompts.question(prompt) : null;
			if (question != null && question.length() > this.limits.maxQuestionChars()) {
				throw ApiException.invalidRequest("prompts[" + i + "]",
						"The question of prompts[" + i + "] has " + question.length() + " characters; at most "
								+ this.limits.maxQuestionChars() + " are accepted.");
			}
			samples.add(new RewardSample(question, response, label));
		}
		return samples;
	}

	private static JsonNode sameLength(JsonFields fields, String name, int size) {
		JsonNode value = fields.value(name);
		if (value == null) {
			return null;
		}
		JsonFields.checkArray(name, value, size);
		if (value.size() != size) {
			throw ApiException.invalidRequest(name,
					"'" + name + "' has " + value.size() + " entries but 'query' has " + size + "; send one per query");
		}
		return value;
	}

	private static String text(JsonNode value, String param, int maxChars) {
		if (value == null || !value.isString()) {
			throw JsonFields.typeError(param, "a string", value);
		}
		String text = value.stringValue();
		if (text.length() > maxChars) {
			throw JsonFields.tooLong(param, text.length(), maxChars);
		}
		return text;
	}

	private String label(JsonNode labels, int i) {
		JsonNode value = (labels != null) ? labels.get(i) : null;
		if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
			return null;
		}
		String param = "labels[" + i + "]";
		String label = AnswerText.read(param, value, this.limits.maxQuestionChars());
		Answers.standard().gold(label, param);
		return label;
	}

}
