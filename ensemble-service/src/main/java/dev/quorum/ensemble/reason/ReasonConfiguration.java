// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.time.Clock;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.backend.ModelCatalog;
import dev.quorum.ensemble.export.StarWriter;
import dev.quorum.ensemble.verify.VerifierClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the reasoning service and the STaR writer.
 */
@Configuration(proxyBeanMethods = false)
class ReasonConfiguration {

	@Bean
	Reasoning reasoning(ModelCatalog catalog, VerifierClient verifier, EnsembleProperties properties,
			MeterRegistry meters) {
		return new Reasoning(catalog, verifier, properties, new ReasoningMetrics(meters));
	}

	@Bean
	StarWriter starWriter(EnsembleProperties properties) {
		return new StarWriter(properties.export().directory(), Clock.systemUTC());
	}

}
