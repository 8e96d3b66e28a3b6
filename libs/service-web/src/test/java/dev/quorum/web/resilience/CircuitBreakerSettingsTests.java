// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerSettingsTests {

	@Test
	void configCarriesEverySettingAndTheCallersFailureRule() {
		CircuitBreakerConfig config = new CircuitBreakerSettings(25, 10, 4, Duration.ofSeconds(3))
			.config((error) -> error instanceof IllegalStateException);
		assertThat(config.getFailureRateThreshold()).isEqualTo(25f);
		assertThat(config.getSlidingWindowSize()).isEqualTo(10);
		assertThat(config.getMinimumNumberOfCalls()).isEqualTo(4);
		assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(3000L);
		assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
		assertThat(config.getRecordExceptionPredicate().test(new IllegalStateException())).isTrue();
		assertThat(config.getRecordExceptionPredicate().test(new IllegalArgumentException())).isFalse();
	}

}
