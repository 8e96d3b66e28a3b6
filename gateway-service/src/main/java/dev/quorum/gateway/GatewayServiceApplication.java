// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * gateway-service: authenticates API keys, rate-limits per key in Redis, and routes each
 * request to decode-, ensemble- or verifier-service behind a circuit breaker and time
 * limits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayServiceApplication.class, args);
	}

}
