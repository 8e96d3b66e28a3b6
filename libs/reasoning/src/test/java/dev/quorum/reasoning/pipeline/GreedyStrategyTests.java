// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.cotdecoding.GeneratedToken;
import dev.quorum.reasoning.strategy.Strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GreedyStrategyTests {

	private final Fixture fx = new Fixture();

	@Test
	void greedyAsksForOneGreedySampleWithTheDirectPrompt() {
		this.fx.source("m").texts("The answer is 12.");
		ReasoningResult r = this.fx.run("What is 3*4?", Fixture.spec("greedy/m"));
		GenerationRequest request = this.fx.source("m").requests.getFirst();
		assertThat(request.n()).isEqualTo(1);
		assertThat(request.temperature()).isZero();
		assertThat(request.topLogprobs()).isEqualTo(2);
		assertThat(request.branches()).isZero();
		assertThat(request.prompt()).isEqualTo("Q: What is 3*4?\nAnswer directly.\n");
		assertThat(r.answer()).isEqualTo("12");
		assertThat(r.chosenCandidate().candidate().text()).isEqualTo("The answer is 12.");
		assertThat(r.confidence()).isEqualTo(1.0);
		assertThat(r.strategyApplied()).isEqualTo(Strategy.GREEDY);
		assertThat(r.timings().total()).isPositive();
	}

	@Test
	void cotUsesTheCotPromptAndTheAnswerSpanMarginAsConfidence() {
		List<GeneratedToken> tokens = List.of(new GeneratedToken(0, 14, 0.9, 0.05),
				new GeneratedToken(14, 16, 0.7, 0.2), new GeneratedToken(16, 17, 0.99, 0));
		this.fx.source("m")
			.candidates(new Candidate("m", "The answer is 12.", "stop", 9, 3, Duration.ZERO, tokens, 0.9));
		ReasoningResult r = this.fx.run("q", Fixture.spec("cot/m"));
		assertThat(this.fx.source("m").requests.getFirst().prompt()).isEqualTo("Q: q\nLet's think step by step.\n");
		assertThat(r.strategyApplied()).isEqualTo(Strategy.COT);
		assertThat(r.confidence()).isCloseTo(0.5, within(1e-12));
		assertThat(r.chosenCandidate().scores().get("delta")).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void anUnparsedAnswerStillReturnsTheTextWithNoAnswer() {
		this.fx.source("m").texts("I cannot tell.");
		ReasoningResult r = this.fx.run("q", Fixture.spec("greedy/m"));
		assertThat(r.answer()).isNull();
		assertThat(r.confidence()).isZero();
		assertThat(r.chosen()).isZero();
		assertThat(r.votes().unparsed()).isEqualTo(1);
	}

}
