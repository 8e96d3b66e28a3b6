// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ensemble-service. Reasoning strategies (self-consistency, CoT-decoding, best-of-N,
 * ensembles) behind /v1/reason.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnsembleServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnsembleServiceApplication.class, args);
	}

}
