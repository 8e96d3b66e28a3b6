// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e.verifier;

import java.util.List;
import java.util.Map;

import dev.quorum.e2e.Http;
import dev.quorum.e2e.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verifier-service on the real platform: decode-service serving the shipped
 * tiny-verifier, the gateway with an API key.
 *
 * <p>
 * <b>How the GenRM problems were picked.</b> The shipped tiny-verifier judges mainly how
 * a solution is written and barely reads its final number (see docs/api.md, "Verifier").
 * A scan of the first 300 held-out problems (models/data/eval.jsonl) took each one's gold
 * {@code seq} solution (models/train/task.py), kept those it scores above 0.5, and
 * changed the final number (the result of the last step and the answer line) in two ways:
 * ×10 (÷10 where ×10 would leave the task's range of 0..99,999), or the leading digit ±1.
 * Only 6 of 326 such corruptions scored below 0.5. The three with the widest margins on
 * both sides are used here (ids 0008, 0069, 0083, the ×10 rule), as regression anchors of
 * the whole path (prompt bytes, batching, logprobs, scoring), not as a measure of the
 * verifier. The separation the verifier does have is on the reasoner's own mistakes,
 * checked with a sampled tiny-reasoner error (id 0010).
 */
class VerifierTests {

	static String verifier;

	@BeforeAll
	static void start() {
		verifier = Platform.shared().service("verifier").url();
	}

	static JsonNode verify(Map<String, Object> body) {
		Http.Response response = Http.post(verifier + "/v1/verify", null, body);
		assertThat(response.status()).as(response.response().body()).isEqualTo(200);
		return response.body();
	}

	@ParameterizedTest(name = "eval {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					0008 | Lucy has 36 marbles. Her pile grows to 5 times its size. Then she has 86 times as many. Her pile grows to 5 times its size. She sells 14. How many marbles does Lucy have now? | 36*5=180\\n180*86=15480\\n15480*5=77400\\n77400-14=77386 | 77386
					0069 | Evaluate from left to right: 4*57-187*21+461+883+2+1 | 4*57=228\\n228-187=41\\n41*21=861\\n861+461=1322\\n1322+883=2205\\n2205+2=2207\\n2207+1=2208 | 2208
					0083 | Evaluate from left to right: 8-5-2 | 8-5=3\\n3-2=1 | 1
					""")
	void genrmScoresTheGoldSolutionAboveAHalfAndItsCorruptedFinalNumberBelow(String id, String question, String steps,
			long answer) {
		String lines = steps.replace("\\n", "\n");
		String gold = lines + "\nThe answer is " + answer + ".";
		long wrong = (answer * 10 <= 99_999) ? answer * 10 : answer / 10;
		String corrupted = lines.replaceFirst("=" + answer + "$", "=" + wrong) + "\nThe answer is " + wrong + ".";
		JsonNode scores = verify(Map.of("question", question, "candidates", List.of(gold, corrupted), "reference",
				Long.toString(answer)))
			.get("scores");
		assertThat(scores.get(0).get("signal").stringValue()).isEqualTo("ok");
		assertThat(scores.get(0).get("correct").booleanValue()).isTrue();
		assertThat(scores.get(1).get("answer").stringValue()).isEqualTo(Long.toString(wrong));
		assertThat(scores.get(1).get("correct").booleanValue()).isFalse();
		assertThat(scores.get(0).get("score").doubleValue()).as("gold of %s", id).isGreaterThan(0.5);
		assertThat(scores.get(1).get("score").doubleValue()).as("corrupted %s", id).isLessThan(0.5);
	}

	@Test
	void genrmSeparatesTheReasonersOwnMistakeFromTheGoldSolution() {
		String question = "Lucy has 86 shells. Her pile grows to 25 times its size. Then she has 4 times as many."
				+ " She gives away 579. How many shells does Lucy have now?";
		String gold = "86*20=1720\n86*5=430\n1720+430=2150\n2150*4=8600\n8600-500=8100\n8100-79=8021\nThe answer is 8021.";
		// tiny-reasoner's sample (T = 0.8): 86*25 mis-multiplied, later steps consistent
		// with it
		String sampled = "86*25=2110\n2110*4=8440\n8440-579=7861\nThe answer is 7861.";
		JsonNode response = verify(Map.of("question", question, "candidates", List.of(gold, sampled)));
		assertThat(response.get("model").stringValue()).isEqualTo("tiny-verifier");
		assertThat(response.get("usage").get("prompt_tokens").intValue()).isGreaterThan(200);
		JsonNode scores = response.get("scores");
		assertThat(scores.get(0).get("score").doubleValue()).isGreaterThan(0.9);
		assertThat(scores.get(1).get("score").doubleValue()).isLessThan(0.3);
		assertThat(scores.get(0).get("p_yes").doubleValue() + scores.get(0).get("p_no").doubleValue())
			.as("Y and N hold nearly all the mass of the next byte")
			.isGreaterThan(0.99);
	}

	@Test
	void genrmCotAveragesVerdictsAfterKSampledRationales() {
		JsonNode response = verify(Map.of("question", "Evaluate from left to right: 8-5-2", "candidates",
				List.of("8-5=3\n3-2=1\nThe answer is 1."), "method", "genrm-cot", "k", 3, "seed", 1));
		JsonNode score = response.get("scores").get(0);
		assertThat(score.get("rationales")).hasSize(3);
		double mean = 0;
		for (JsonNode rationale : score.get("rationales")) {
			assertThat(rationale.get("signal").stringValue()).isEqualTo("ok");
			mean += rationale.get("score").doubleValue() / 3;
		}
		assertThat(score.get("score").doubleValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(response.get("usage").get("completion_tokens").intValue()).isGreaterThan(3);
	}

	@Test
	void theReferenceMethodChecksTheFinalAnswerAgainstTheGoldOne() {
		JsonNode scores = verify(Map.of("question", "How many shells does Lucy have now?", "method", "reference",
				"reference", "8,021", "candidates", List.of("8600-579=8021\nThe answer is 8021.", "The answer is 7861.",
						"I am not sure.", Map.of("answer", "8021.0"))))
			.get("scores");
		assertThat(scores).extracting((s) -> s.get("score").doubleValue()).containsExactly(1.0, 0.0, 0.0, 1.0);
		assertThat(scores.get(2).has("answer")).isFalse();
	}

	@Test
	void rewardsAnswerThroughTheGatewayWithTheApiKeyOnly() {
		String gateway = Platform.shared().service("gateway").url();
		String prompt = "Q: Evaluate from left to right: 8-5-2\nLet's think step by step.\n";
		Map<String, Object> body = Map.of("query",
				List.of(prompt + "8-5=3\n3-2=1\nThe answer is 1.</s>", prompt + "8-5=3\n3-2=2\nThe answer is 2.</s>"),
				"prompts", List.of(prompt, prompt), "labels", java.util.Arrays.asList(null, "1"));
		assertThat(Http.post(gateway + "/v1/rewards", null, body).status()).isEqualTo(401);
		Http.Response response = Http.post(gateway + "/v1/rewards", Platform.API_KEY, body);
		assertThat(response.status()).as(response.response().body()).isEqualTo(200);
		JsonNode rewards = response.body().get("rewards");
		assertThat(rewards.get(0).doubleValue()).as("GenRM, no label").isGreaterThan(0.5);
		assertThat(rewards.get(1).doubleValue()).as("reference rule, label 1").isZero();
		assertThat(response.body().get("scores")).isEqualTo(rewards);
		assertThat(response.body().get("extra_logs").get("reference").get(1).doubleValue()).isEqualTo(1.0);
	}

}
