// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import dev.quorum.web.test.ServiceContractTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ensemble-service keeps the service contract.
 */
class EnsembleServiceApplicationTests extends ServiceContractTests {

	@Autowired
	EnsembleProperties properties;

	EnsembleServiceApplicationTests() {
		super("ensemble");
	}

	@Override
	protected void assertSettingsDefaults() {
		assertThat(this.properties.verifierUri().toString()).isEqualTo("http://localhost:8083");
	}

}
