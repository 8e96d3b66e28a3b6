// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.verifier.FakeDecode;
import dev.quorum.verifier.TestSettings;
import dev.quorum.verifier.VerifierProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * GenRM against a fake OpenAI backend over real HTTP: what is asked, how calls are
 * batched, and how the answers become verdicts.
 */
class GenRmScorerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String Q = "Evaluate from left to right: 8-5-2";

	/** p(Y) = 0.9 for a solution ending "1.", else 0.1 (p(N) is 0.98 - p(Y)). */
	private final FakeDecode decode = new FakeDecode(
			FakeDecode.verifier((prompt) -> prompt.contains("The answer is 1.\n") ? 0.9 : 0.1));

	@AfterEach
	void stop() {
		this.decode.close();
	}

	private GenRmScorer scorer(Map<String, String> settings) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		all.put("decode-uri", this.decode.uri());
		VerifierProperties properties = TestSettings.of(all);
		return new GenRmScorer(TestSettings.backend(properties), properties);
	}

	private static List<String> solutions(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "8-5=3\n3-2=1\nThe answer is " + (i % 2) + ".").toList();
	}

	@Test
	void asksForOneGreedyTokenWithItsTopAlternativesPerCandidate() {
		Spent<List<Verdict>> spent = scorer(Map.of()).direct("tiny-verifier", List.of(Q), solutions(1)).block(WAIT);
		CreateCompletionRequest request = this.decode.requests().get(0);
		assertThat(request.model()).isEqualTo("tiny-verifier");
		assertThat(request.prompt().texts()).containsExactly(GenRmPrompts.direct(Q, solutions(1).get(0)));
		assertThat(request.maxTokens()).isEqualTo(1);
		assertThat(request.temperature()).isZero();
		assertThat(request.logprobs()).isEqualTo(5);
		assertThat(request.n()).isNull();
		assertThat(spent.value().get(0).score().score()).isCloseTo(0.1 / 0.98, within(1e-9));
	}

	@Test
	void batchesPromptsPerCallAndKeepsCandidateOrderWhateverOrderCallsFinishIn() {
		this.decode.script(
				(request, call) -> FakeDecode.verifier((prompt) -> prompt.contains("The answer is 1.\n") ? 0.9 : 0.1)
					.answer(request, call)
					.after(Duration.ofMillis((call == 0) ? 400 : 0)));
		List<String> solutions = solutions(7);
		Spent<List<Verdict>> spent = scorer(Map.of("decode.prompts-per-call", "3"))
			.direct("tiny-verifier", Collections.nCopies(7, Q), solutions)
			.block(WAIT);
		assertThat(this.decode.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.prompt().texts()).hasSizeLessThanOrEqualTo(3));
		assertThat(spent.value()).hasSize(7);
		for (int i = 0; i < 7; i++) {
			double expected = ((i % 2 == 1) ? 0.9 : 0.1) / 0.98;
			assertThat(spent.value().get(i).score().score()).as("candidate %d", i).isCloseTo(expected, within(1e-9));
		}
		assertThat(spent.usage()).isEqualTo(new Usage(70, 7));
	}

	@Test
	void aBackendWithoutLogprobsGivesVerdictsWithoutSignal() {
		this.decode.script((request, call) -> FakeDecode.Reply.completion(
				List.of(dev.quorum.openai.completions.CreateCompletionResponse.Choice.of(0, "Y", null, "length")),
				null));
		Spent<List<Verdict>> spent = scorer(Map.of()).direct("m", List.of(Q), solutions(1)).block(WAIT);
		assertThat(spent.value()).containsExactly(Verdict.NO_LOGPROBS);
		assertThat(spent.usage()).isEqualTo(Usage.NONE);
	}

	@Test
	void choicesThatDoNotMatchThePromptsAre503() {
		this.decode.script((request, call) -> FakeDecode.Reply.completion(List.of(FakeDecode.verdict(0, 0.5)), null));
		ApiException error = catchThrowableOfType(ApiException.class,
				() -> scorer(Map.of()).direct("m", List.of(Q, Q), solutions(2)).block(WAIT));
		assertThat(error.status()).isEqualTo(503);
		assertThat(error.getMessage()).contains("1 choices").contains("2 expected");
	}

	@Test
	void cotSamplesKRationalesPerCandidateThenReadsAVerdictAfterEach() {
		this.decode.script(FakeDecode.verifier((prompt) -> prompt.contains("rationale 0") ? 0.9 : 0.3));
		List<String> solutions = solutions(2);
		Spent<List<List<Rationale>>> spent = scorer(Map.of("cot.max-tokens", "64"))
			.cot("tiny-verifier", Q, solutions, new CotSampling(3, 0.6, 42L))
			.block(WAIT);
		CreateCompletionRequest sampling = this.decode.requests().get(0);
		assertThat(sampling.n()).isEqualTo(3);
		assertThat(sampling.temperature()).isEqualTo(0.6);
		assertThat(sampling.seed()).isEqualTo(42L);
		assertThat(sampling.maxTokens()).isEqualTo(64);
		assertThat(sampling.stop()).containsExactly("Is the answer correct");
		assertThat(sampling.logprobs()).isNull();
		assertThat(sampling.prompt().texts()).containsExactly(
				GenRmPrompts.rationale(Q, solutions.get(0), "Let's verify step by step."),
				GenRmPrompts.rationale(Q, solutions.get(1), "Let's verify step by step."));
		CreateCompletionRequest verdicts = this.decode.requests().get(1);
		assertThat(verdicts.maxTokens()).isEqualTo(1);
		assertThat(verdicts.prompt().texts()).hasSize(6)
			.startsWith(GenRmPrompts.verdict(Q, solutions.get(0), "Let's verify step by step.", "rationale 0"));
		assertThat(spent.value()).hasSize(2).allSatisfy((rationales) -> {
			assertThat(rationales).extracting(Rationale::text)
				.containsExactly("rationale 0", "rationale 1", "rationale 2");
			assertThat(rationales.get(0).verdict().score().score()).isCloseTo(0.9 / 0.98, within(1e-9));
			assertThat(rationales.get(2).verdict().score().score()).isCloseTo(0.3 / 0.98, within(1e-9));
		});
		assertThat(spent.usage()).isEqualTo(new Usage(20 + 60, 6 + 6));
	}

}
