// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.cotdecoding.CotDecodingOptions;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrategyDefaultsTests {

	private final StrategyDefaults defaults = StrategyDefaults.DEFAULT;

	private final StrategyLimits limits = StrategyLimits.DEFAULT;

	private StrategySpec resolve(String name) {
		return this.defaults.resolve(StrategyOverrides.of(StrategyName.parse(name)), this.limits);
	}

	private static StrategyOverrides with(Strategy s, Integer n, Double temperature, PromptStyle style,
			VerifierSpec verifier, EarlyStop stop) {
		return new StrategyOverrides(s, n, null, temperature, null, style, null, verifier, stop, null, null);
	}

	private void assertInvalid(StrategyOverrides overrides, String param, String message) {
		assertThatExceptionOfType(ReasoningException.class)
			.isThrownBy(() -> this.defaults.resolve(overrides, this.limits))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.param()).isEqualTo(param));
	}

	@Test
	void selfConsistencyFromAModelName() {
		StrategySpec spec = resolve("sc-16/tiny-reasoner");
		assertThat(spec.n()).isEqualTo(16);
		assertThat(spec.temperature()).isEqualTo(0.8);
		assertThat(spec.promptStyle()).isEqualTo(PromptStyle.COT);
		assertThat(spec.earlyStop()).isEqualTo(EarlyStop.DEFAULT);
		assertThat(spec.verifier()).isNull();
		assertThat(spec.deadline()).isEqualTo(Duration.ofSeconds(30));
		assertThat(spec.plannedSamples()).isEqualTo(16);
	}

	@Test
	void perStrategyDefaults() {
		StrategySpec greedy = resolve("greedy/m");
		assertThat(greedy.n()).isEqualTo(1);
		assertThat(greedy.temperature()).isZero();
		assertThat(greedy.promptStyle()).isEqualTo(PromptStyle.DIRECT);
		assertThat(resolve("cot/m").promptStyle()).isEqualTo(PromptStyle.COT);
		StrategySpec cot = resolve("cot-decoding/m");
		assertThat(cot.n()).isEqualTo(2);
		assertThat(cot.promptStyle()).isEqualTo(PromptStyle.PLAIN);
		assertThat(cot.cotDecoding()).isEqualTo(CotDecodingOptions.DEFAULT);
		assertThat(resolve("bon-8/m").verifier()).isEqualTo(VerifierSpec.genrm("tiny-verifier"));
		StrategySpec ensemble = resolve("ensemble/a+b");
		assertThat(ensemble.n()).isEqualTo(4);
		assertThat(ensemble.plannedSamples()).isEqualTo(8);
		assertThat(ensemble.verifier()).isNull();
		StrategySpec bare = this.defaults.resolve(StrategyOverrides.NONE, this.limits);
		assertThat(bare.strategy()).isEqualTo(Strategy.SELF_CONSISTENCY);
		assertThat(bare.models()).containsExactly(ModelSpec.of("tiny-reasoner"));
	}

	@Test
	void defaultMinSamplesShrinkToSmallBudgetsButExplicitOnesMustFit() {
		assertThat(resolve("sc-2/m").earlyStop().minSamples()).isEqualTo(2);
		assertInvalid(with(Strategy.SELF_CONSISTENCY, 3, null, null, null, new EarlyStop(StopRule.BETA, 5, 2, 0.9)),
				"early_stop.min_samples", "exceeds the 3 planned samples");
	}

	@Test
	void inconsistentRequestsNameTheField() {
		assertInvalid(with(Strategy.GREEDY, 3, null, null, null, null), "n", "one sample");
		assertInvalid(with(Strategy.COT, null, 0.7, null, null, null), "temperature", "greedily");
		assertInvalid(with(Strategy.COT, null, null, PromptStyle.DIRECT, null, null), "prompt_style", "cot");
		assertInvalid(with(Strategy.SELF_CONSISTENCY, null, null, null, VerifierSpec.reference(), null), "verifier",
				"does not use a verifier");
		assertInvalid(new StrategyOverrides(Strategy.SELF_CONSISTENCY, null, null, null, null, null, null, null, null,
				null, CotDecodingOptions.DEFAULT), "cot_decoding", "only to the cot-decoding");
		assertInvalid(new StrategyOverrides(Strategy.SELF_CONSISTENCY, null,
				List.of(ModelSpec.of("a"), ModelSpec.of("b")), null, null, null, null, null, null, null, null),
				"models", "only ensemble");
		assertInvalid(new StrategyOverrides(null, null, null, null, null, null, null, null, null, Duration.ZERO, null),
				"deadline_ms", "positive");
	}

	@Test
	void capsAreEnforced() {
		assertInvalid(with(Strategy.SELF_CONSISTENCY, 100, null, null, null, null), "n", "exceeds the cap 64");
		assertInvalid(with(Strategy.COT_DECODING, 11, null, null, null, null), "n", "exceed the cap 10");
		assertInvalid(with(Strategy.SELF_CONSISTENCY, 8, 3.0, null, null, null), "temperature", "cap");
		assertInvalid(new StrategyOverrides(null, null, null, null, 5000, null, null, null, null, null, null),
				"max_tokens", "cap");
		List<ModelSpec> nine = IntStream.range(0, 9).mapToObj((i) -> ModelSpec.of("m" + i)).toList();
		assertInvalid(
				new StrategyOverrides(Strategy.ENSEMBLE, null, nine, null, null, null, null, null, null, null, null),
				"models", "exceed the cap 8");
		assertInvalid(new StrategyOverrides(Strategy.ENSEMBLE, null, List.of(new ModelSpec("a", 1, 65)), null, null,
				null, null, null, null, null, null), "models[0].n", "exceeds the cap");
		assertInvalid(with(Strategy.BEST_OF_N, 4, null, null, new VerifierSpec(VerifierMethod.GENRM_COT, "v", 9), null),
				"verifier.k", "cap");
	}

	@Test
	void questionsAreChecked() {
		assertThat(this.limits.checkQuestion("2+2?")).isEqualTo("2+2?");
		assertThatExceptionOfType(ReasoningException.class).isThrownBy(() -> this.limits.checkQuestion("  "))
			.satisfies((ex) -> assertThat(ex.param()).isEqualTo("question"));
		assertThatExceptionOfType(ReasoningException.class)
			.isThrownBy(() -> this.limits.checkQuestion("x".repeat(16_001)))
			.withMessageContaining("16000");
	}

	@Test
	void wireNames() {
		assertThat(VerifierMethod.parse("genrm-cot")).isEqualTo(VerifierMethod.GENRM_COT);
		assertThat(Strategy.find("bon")).isEqualTo(Strategy.BEST_OF_N);
		assertThat(Strategy.find("nope")).isNull();
		assertThat(Strategy.known()).contains("self-consistency", "sc", "cot-decoding");
	}

}
