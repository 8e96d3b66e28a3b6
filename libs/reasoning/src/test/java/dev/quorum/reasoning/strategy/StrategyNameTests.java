// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.strategy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.quorum.reasoning.ReasoningException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrategyNameTests {

	@Test
	void parsesEveryShippedForm() {
		assertThat(StrategyName.parse("sc-16/tiny-reasoner"))
			.isEqualTo(new StrategyName(Strategy.SELF_CONSISTENCY, 16, java.util.List.of("tiny-reasoner")));
		assertThat(StrategyName.parse("cot-decoding/tiny-reasoner").strategy()).isEqualTo(Strategy.COT_DECODING);
		assertThat(StrategyName.parse("cot-decoding/tiny-reasoner").n()).isNull();
		assertThat(StrategyName.parse("cot-decoding-3/m").n()).isEqualTo(3);
		assertThat(StrategyName.parse("bon-8/tiny-reasoner").strategy()).isEqualTo(Strategy.BEST_OF_N);
		assertThat(StrategyName.parse("cotd-3/tiny-reasoner").strategy()).isEqualTo(Strategy.COT_DECODING);
		assertThat(StrategyName.parse("vv-8/m").strategy()).isEqualTo(Strategy.VERIFIED_VOTE);
		assertThat(StrategyName.parse("greedy/m").strategy()).isEqualTo(Strategy.GREEDY);
		assertThat(StrategyName.parse("cot/m").strategy()).isEqualTo(Strategy.COT);
		assertThat(StrategyName.parse("self-consistency-4/m").n()).isEqualTo(4);
		StrategyName ensemble = StrategyName.parse("ensemble/tiny-reasoner+tiny-reasoner-b");
		assertThat(ensemble.strategy()).isEqualTo(Strategy.ENSEMBLE);
		assertThat(ensemble.models()).containsExactly("tiny-reasoner", "tiny-reasoner-b");
		assertThat(StrategyName.parse("sc-4/org/model").models()).containsExactly("org/model");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			sc-16                 | has no '/'
			xyz-3/m               | unknown strategy 'xyz-3'
			sc-/m                 | must be a positive integer, got ''
			sc-abc/m              | must be a positive integer, got 'abc'
			sc-0/m                | at least 1
			sc-9999999/m          | too large
			greedy-2/m            | takes no count
			cot-5/m               | takes no count
			sc-16/                | no model after '/'
			ensemble/a++b         | empty model name
			ensemble/a+a          | listed twice
			sc/a+b                | only ensemble combines several models
			'sc/a b'              | contains whitespace
			""")
	void malformedNamesSayWhatIsWrongAndShowTheGrammar(String name, String problem) {
		assertThatExceptionOfType(ReasoningException.class).isThrownBy(() -> StrategyName.parse(name))
			.withMessageContaining(problem)
			.withMessageContaining("<strategy>[-<n>]/<model>[+<model>...]")
			.satisfies((ex) -> {
				assertThat(ex.param()).isEqualTo("model");
				assertThat(ex.kind()).isEqualTo(ReasoningException.Kind.INVALID_REQUEST);
				assertThat(ex.kind().status()).isEqualTo(400);
			});
	}

	@Test
	void blankNamesAreRejected() {
		assertThatExceptionOfType(ReasoningException.class).isThrownBy(() -> StrategyName.parse(" "))
			.withMessageContaining("empty");
	}

	@Test
	void tellsStrategyModelsFromPlainModels() {
		assertThat(StrategyName.isStrategyModel("sc-16/tiny-reasoner")).isTrue();
		assertThat(StrategyName.isStrategyModel("sc-x/tiny-reasoner")).isTrue();
		assertThat(StrategyName.isStrategyModel("tiny-reasoner")).isFalse();
		assertThat(StrategyName.isStrategyModel("Qwen/Qwen2-7B")).isFalse();
		assertThat(StrategyName.isStrategyModel(null)).isFalse();
	}

}
