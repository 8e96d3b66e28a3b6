// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import dev.quorum.web.test.ServiceContractTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verifier-service keeps the service contract.
 */
class VerifierServiceApplicationTests extends ServiceContractTests {

	@Autowired
	VerifierProperties properties;

	VerifierServiceApplicationTests() {
		super("verifier");
	}

	@Override
	protected void assertSettingsDefaults() {
		assertThat(this.properties.model()).isEqualTo("tiny-verifier");
	}

}
