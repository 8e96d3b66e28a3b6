// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class AdaptiveStoppingTests {

	@Test
	void betaUnanimityNeedsFourAnswersAtTheDefaultThreshold() {
		// 1 - 2^-(a+1): 3 -> 15/16, 4 -> 31/32
		assertThat(AdaptiveStopping.betaProbability(3, 0)).isEqualTo(0.9375);
		assertThat(AdaptiveStopping.betaProbability(4, 0)).isEqualTo(0.96875);
	}

	@Test
	void betaWithDissentIsTheBinomialTail() {
		// P(Bin(8, 1/2) <= 5) = (1 + 8 + 28 + 56 + 70 + 56) / 256
		assertThat(AdaptiveStopping.betaProbability(5, 2)).isEqualTo(219.0 / 256);
		// P(Bin(5, 1/2) <= 3) = 26 / 32
		assertThat(AdaptiveStopping.betaProbability(3, 1)).isEqualTo(0.8125);
		assertThat(AdaptiveStopping.betaProbability(2, 2)).isEqualTo(0.5);
	}

	@Test
	void dirichletHandValues() {
		// shapes (3,1,1): 1/2 ∫ x^2 e^-x (1 - e^-x)^2 dx = 1/2 (2 - 2*2/8 + 2/27) =
		// 85/108
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 2, 0, 0 })).isCloseTo(85.0 / 108, within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 1, 1, 1 })).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 0, 0, 0, 0 })).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void dirichletAgainstAdaptiveQuadrature() {
		// reference values: scipy.integrate.quad of the same integral (epsrel 1e-13)
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 5, 1, 1 })).isCloseTo(0.8882601737540011,
				within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 40, 30, 2 })).isCloseTo(0.8824512187889688,
				within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 10, 9, 9 })).isCloseTo(0.424471357743242,
				within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 60, 3, 1, 1, 1 })).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void dirichletMatchesBetaForOneOrTwoAnswersAndIsLooserForMore() {
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 3 })).isEqualTo(0.9375);
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 5, 2 }))
			.isCloseTo(AdaptiveStopping.betaProbability(5, 2), within(1e-9));
		assertThat(AdaptiveStopping.dirichletProbability(new int[] { 5, 1, 1 }))
			.isGreaterThan(AdaptiveStopping.betaProbability(5, 2));
	}

	@Test
	void betaStopsAfterFourUnanimousSamplesNotBefore() {
		EarlyStop policy = EarlyStop.DEFAULT;
		StopDecision three = AdaptiveStopping.decide(policy, new int[] { 3 }, 3, 16);
		assertThat(three.stop()).isFalse();
		StopDecision four = AdaptiveStopping.decide(policy, new int[] { 4 }, 4, 16);
		assertThat(four.stop()).isTrue();
		assertThat(four.early()).isTrue();
		assertThat(four.reason()).isEqualTo("beta");
		assertThat(four.probability()).isEqualTo(0.96875);
		StopDecision split = AdaptiveStopping.decide(policy, new int[] { 3, 1 }, 4, 16);
		assertThat(split.stop()).isFalse();
		assertThat(split.probability()).isEqualTo(0.8125);
	}

	@Test
	void minSamplesHoldsEvenAnUnassailableLead() {
		EarlyStop policy = new EarlyStop(StopRule.BETA, 6, 2, 0.95);
		assertThat(AdaptiveStopping.decide(policy, new int[] { 5 }, 5, 6).stop()).isFalse();
	}

	@Test
	void leadRuleStopsOnlyWhenTheRunnerUpCannotCatchUp() {
		EarlyStop lead = new EarlyStop(StopRule.LEAD, 1, 1, 0.95);
		assertThat(AdaptiveStopping.decide(lead, new int[] { 6, 1 }, 7, 12).stop()).isFalse(); // 6
																								// >
																								// 1
																								// +
																								// 5
																								// fails
		StopDecision stop = AdaptiveStopping.decide(lead, new int[] { 7, 1 }, 8, 12); // 7
																						// >
																						// 1
																						// +
																						// 4
		assertThat(stop.stop()).isTrue();
		assertThat(stop.reason()).isEqualTo("lead");
		assertThat(AdaptiveStopping.unassailable(new int[] { 3 }, 3)).isFalse();
		assertThat(AdaptiveStopping.unassailable(new int[] { 4 }, 3)).isTrue();
	}

	@Test
	void dirichletRuleUsesItsOwnProbability() {
		EarlyStop policy = new EarlyStop(StopRule.DIRICHLET, 4, 4, 0.95);
		StopDecision d = AdaptiveStopping.decide(policy, new int[] { 5, 1, 1 }, 7, 40);
		assertThat(d.probability()).isEqualTo(AdaptiveStopping.dirichletProbability(new int[] { 5, 1, 1 }));
	}

	@Test
	void noneNeverStopsEarlyAndTheBudgetAlwaysStops() {
		assertThat(AdaptiveStopping.decide(EarlyStop.OFF, new int[] { 10 }, 10, 16).stop()).isFalse();
		StopDecision end = AdaptiveStopping.decide(EarlyStop.OFF, new int[] { 10, 6 }, 16, 16);
		assertThat(end.stop()).isTrue();
		assertThat(end.early()).isFalse();
		assertThat(end.reason()).isEqualTo("max_samples");
	}

	@Test
	void wavesAndValidation() {
		assertThat(EarlyStop.DEFAULT.firstWave(16)).isEqualTo(4);
		assertThat(new EarlyStop(StopRule.BETA, 6, 4, 0.9).firstWave(16)).isEqualTo(6);
		assertThat(EarlyStop.DEFAULT.firstWave(2)).isEqualTo(2);
		assertThat(EarlyStop.OFF.firstWave(16)).isEqualTo(16);
		assertThatIllegalArgumentException().isThrownBy(() -> new EarlyStop(StopRule.BETA, 0, 1, 0.9));
		assertThatIllegalArgumentException().isThrownBy(() -> new EarlyStop(StopRule.BETA, 1, 1, 0.4));
		assertThat(StopRule.parse("Dirichlet")).isEqualTo(StopRule.DIRICHLET);
		assertThatIllegalArgumentException().isThrownBy(() -> StopRule.parse("entropy")).withMessageContaining("beta");
	}

}
