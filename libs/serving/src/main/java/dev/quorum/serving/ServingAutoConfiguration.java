// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Loads the configured models and starts their engines in services that serve models
 * (prefill and decode), and publishes the engines' metrics.
 */
@AutoConfiguration
@EnableConfigurationProperties(ModelsProperties.class)
public class ServingAutoConfiguration {

	@Bean(destroyMethod = "close")
	ModelRegistry modelRegistry(ModelsProperties properties) {
		return ModelRegistry.load(properties);
	}

	@Bean
	MeterBinder engineMetrics(ModelRegistry models) {
		return new EngineMetricsBinder(models);
	}

}
