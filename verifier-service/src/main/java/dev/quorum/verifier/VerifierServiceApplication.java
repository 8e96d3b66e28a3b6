// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * verifier-service. GenRM and rule-based verifiers behind /v1/verify and /v1/rewards.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerifierServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(VerifierServiceApplication.class, args);
	}

}
