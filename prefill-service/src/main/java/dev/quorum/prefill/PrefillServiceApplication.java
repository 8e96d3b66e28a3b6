// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * prefill-service. Computes the KV cache of prompt chunks and writes it to Redis for
 * decode-service (DESIGN.md, "Prefill").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PrefillServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PrefillServiceApplication.class, args);
	}

}
