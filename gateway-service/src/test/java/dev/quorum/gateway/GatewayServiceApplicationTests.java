// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import dev.quorum.web.test.ServiceContractTests;
import org.junit.jupiter.api.AfterAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gateway-service keeps the service contract. Its probes and metrics are requested
 * without a key, which also proves they need none; the unknown endpoint is asked for with
 * a valid key (without one it is a 401, see the auth tests).
 */
class GatewayServiceApplicationTests extends ServiceContractTests {

	static final GatewayTestBackends backends = new GatewayTestBackends();

	@Autowired
	GatewayProperties properties;

	GatewayServiceApplicationTests() {
		super("gateway");
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		backends.wire(registry);
	}

	@AfterAll
	static void stop() {
		backends.close();
	}

	@Override
	protected void apiHeaders(HttpHeaders headers) {
		headers.setBearerAuth(GatewayTestBackends.KEY);
	}

	@Override
	protected void assertSettingsDefaults() {
		assertThat(this.properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
	}

}
