// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill;

import dev.quorum.testsupport.redis.TestRedis;
import dev.quorum.web.test.ServiceContractTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prefill-service keeps the service contract, on the shipped model and the shared test
 * Redis.
 */
class PrefillServiceApplicationTests extends ServiceContractTests {

	@Autowired
	PrefillProperties properties;

	PrefillServiceApplicationTests() {
		super("prefill");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PrefillTestSetup.wire(registry, TestRedis.shared());
	}

	@Override
	protected void assertSettingsDefaults() {
		assertThat(this.properties.maxTokens()).isEqualTo(32768);
	}

}
