// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * decode-service. OpenAI-compatible generation with continuous batching; pulls prompt KV
 * from Redis (DESIGN.md, "Plain generation").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DecodeServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DecodeServiceApplication.class, args);
	}

}
