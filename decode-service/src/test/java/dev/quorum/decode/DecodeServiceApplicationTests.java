// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import dev.quorum.testsupport.redis.TestRedis;
import dev.quorum.web.test.ServiceContractTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * decode-service keeps the service contract, on the shipped model and the shared test
 * Redis.
 */
class DecodeServiceApplicationTests extends ServiceContractTests {

	@Autowired
	DecodeProperties properties;

	DecodeServiceApplicationTests() {
		super("decode");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DecodeTestSetup.wire(registry, TestRedis.shared());
	}

	@Override
	protected void assertSettingsDefaults() {
		assertThat(this.properties.remotePrefillMinTokens()).isEqualTo(256);
	}

}
