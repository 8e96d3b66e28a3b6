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
 * A scan of the first 120 held-out problems (models/data/eval.jsonl) took each one's gold
 * solutions in the three strategies (models/train/task.py) and changed the final number
 * (the result of the last step and the answer line): ×10, or ÷10 where ×10 would leave
 * the task's range of 0..99,999. Only 18 of the 360 pairs scored the gold solution above
 * 0.5 and its corruption below. The three with the widest margins on both sides are used
 * here (ids 0099, 0083 and 0085, all {@code regroup}), as regression anchors of the whole
 * path (prompt bytes, batching, logprobs, scoring), not as a measure of the verifier. The
 * separation the verifier does have is on the reasoner's own mistakes, checked with a
 * sampled tiny-reasoner error (id 0128).
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
					0099 | Evaluate from left to right: 1-1+3 | 1+3=4\\n4-1=3 | 3
					0083 | Evaluate from left to right: 8-5-2 | 5+2=7\\n8-7=1 | 1
					0085 | Ravi has 2 marbles. He gives away 1. He buys 1 more. He finds 296 more. He loses 95. He buys 68 more. He gets 911 more. He finds 20 more. How many marbles does Ravi have now? | 1+296=297\\n297+68=365\\n365+911=1276\\n1276+20=1296\\n1+95=96\\n2+1296=1298\\n1298-96=1202 | 1202
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
		String question = "Ravi has 417 marbles. He gets 205 more. He gives away 6. He loses 9. Then he has 62 times as"
				+ " many. He gets 6 more. How many marbles does Ravi have now?";
		String gold = "417+200=617\n617+5=622\n622-6=616\n616-9=607\n607*60=36420\n607*2=1214\n36420+1214=37634\n"
				+ "37634+6=37640\nThe answer is 37640.";
		// tiny-reasoner's sample (T = 0.8, seed 11): 607*62 mis-multiplied, the last step
		// consistent with it
		String sampled = "417+205=622\n622-6=616\n616-9=607\n607*62=37854\n37854+6=37860\nThe answer is 37860.";
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
				List.of(prompt + "5+2=7\n8-7=1\nThe answer is 1.</s>", prompt + "8-5=3\n3-2=2\nThe answer is 2.</s>"),
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
