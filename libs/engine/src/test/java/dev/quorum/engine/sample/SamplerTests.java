// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sample;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Sampling rules and log-probabilities on hand-made logits.
 */
class SamplerTests {

	private static final float[] LOGITS = { 1f, 3f, 2f, 3f, -1f, 0.5f, 2.5f, -4f };

	private static SamplingParams random(float t, int k, float p, float minP) {
		return SamplingParams.greedy(10).withTemperature(t).withFilters(k, p, minP);
	}

	private static int[] histogram(SamplingParams params, long seed, int draws) {
		Sampler sampler = new Sampler(LOGITS.length);
		Rng rng = new Rng(seed);
		int[] counts = new int[LOGITS.length];
		for (int i = 0; i < draws; i++) {
			counts[sampler.sample(LOGITS, 0, params, rng)]++;
		}
		return counts;
	}

	@Test
	void greedyTakesTheFirstLargestLogit() {
		assertThat(new Sampler(8).sample(LOGITS, 0, SamplingParams.greedy(1), new Rng(1))).isEqualTo(1);
		assertThat(Sampler.argmax(new float[] { 0, 5, 9, 9 }, 1, 3)).isEqualTo(1);
	}

	@Test
	void temperatureSamplingFollowsTheSoftmaxAndIsReproducible() {
		int draws = 40000;
		int[] counts = histogram(random(1f, 0, 1f, 0f), 42, draws);
		double z = 0;
		for (float l : LOGITS) {
			z += Math.exp(l);
		}
		for (int i = 0; i < LOGITS.length; i++) {
			// 40000 draws: binomial standard deviation <= 0.0025, so 0.015 is six of them
			assertThat((double) counts[i] / draws).isCloseTo(Math.exp(LOGITS[i]) / z, within(0.015));
		}
		assertThat(histogram(random(1f, 0, 1f, 0f), 42, 500))
			.containsExactly(histogram(random(1f, 0, 1f, 0f), 42, 500));
		assertThat(histogram(random(1f, 0, 1f, 0f), 42, 500)).isNotEqualTo(histogram(random(1f, 0, 1f, 0f), 43, 500));
	}

	@Test
	void filtersKeepOnlyTheirCandidates() {
		// top-k 2: the two logits of 3
		int[] k2 = histogram(random(1f, 2, 1f, 0f), 1, 2000);
		assertThat(k2[1] + k2[3]).isEqualTo(2000);
		assertThat(k2[1]).isBetween(850, 1150);
		// top-p 0.5: 3, 3 have 2 * e^3 / Z = 0.55 of the mass
		int[] p = histogram(random(1f, 0, 0.5f, 0f), 2, 2000);
		assertThat(p[1] + p[3]).isEqualTo(2000);
		// min-p 0.5: keep logits >= 3 + ln 0.5 = 2.31 -> ids 1, 3, 6
		int[] m = histogram(random(1f, 0, 1f, 0.5f), 3, 3000);
		assertThat(m[1] + m[3] + m[6]).isEqualTo(3000);
		assertThat(m[6]).isPositive();
		// very low temperature is almost greedy, ties shared
		int[] cold = histogram(random(0.01f, 0, 1f, 0f), 4, 1000);
		assertThat(cold[1] + cold[3]).isEqualTo(1000);
	}

	@Test
	void logprobsAreTheLogSoftmaxOfTheRawLogits() {
		TokenLogprobs lp = TokenLogprobs.of(LOGITS, 0, LOGITS.length, 6, 8);
		double z = 0;
		for (float l : LOGITS) {
			z += Math.exp(l);
		}
		assertThat((double) lp.logprob()).isCloseTo(2.5 - Math.log(z), within(1e-6));
		assertThat(lp.topTokens()).containsExactly(1, 3, 6, 2, 0, 5, 4, 7);
		double total = 0;
		for (int i = 0; i < 8; i++) {
			total += Math.exp(lp.topLogprobs()[i]);
			if (i > 0) {
				assertThat(lp.topLogprobs()[i]).isLessThanOrEqualTo(lp.topLogprobs()[i - 1]);
			}
		}
		assertThat(total).isCloseTo(1.0, within(1e-6));
		assertThat(TokenLogprobs.of(LOGITS, 0, LOGITS.length, 1, 0).topTokens()).isEmpty();
	}

	@Test
	void branchesAreTheMostLikelyFirstTokensAboveTheFloor() {
		List<Sampler.Branch> b = Sampler.branches(LOGITS, 0, LOGITS.length, 3, 0.1f);
		assertThat(b).extracting(Sampler.Branch::token).containsExactly(1, 3, 6);
		assertThat(Sampler.branches(LOGITS, 0, LOGITS.length, 3, 0.9f)).hasSize(1);
	}

	@Test
	void invalidParametersAreRejectedByName() {
		assertThatThrownBy(() -> random(-1f, 0, 1f, 0f)).hasMessageContaining("temperature");
		assertThatThrownBy(() -> random(1f, 0, 0f, 0f)).hasMessageContaining("top_p");
		assertThatThrownBy(() -> SamplingParams.greedy(0)).hasMessageContaining("max_tokens");
		assertThatThrownBy(() -> SamplingParams.greedy(1).withLogprobs(true, 21)).hasMessageContaining("top_logprobs");
		assertThatThrownBy(() -> SamplingParams.greedy(1).withStops(Set.of(), List.of(""), false))
			.hasMessageContaining("stop");
	}

}
