// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import dev.quorum.serving.kv.KvChunks;
import dev.quorum.serving.kv.KvProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Loads the configured models and starts their engines in services that serve models
 * (prefill and decode), and publishes the engines' metrics.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@EnableConfigurationProperties({ ModelsProperties.class, KvProperties.class })
public class ServingAutoConfiguration {

	private static final Log log = LogFactory.getLog(ServingAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	ModelRegistry modelRegistry(ModelsProperties properties) {
		return ModelRegistry.load(properties);
	}

	@Bean
	MeterBinder engineMetrics(ModelRegistry models) {
		return new EngineMetricsBinder(models);
	}

	/**
	 * The models' KV chunks in Redis; the connection is opened now, off the event loops.
	 */
	@Bean
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	KvChunks kvChunks(ModelRegistry models, ReactiveRedisConnectionFactory redis, KvProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		KvChunks chunks = new KvChunks(models, redis, properties, meters.getIfAvailable());
		chunks.ping()
			.subscribe((ok) -> log.info("KV chunk store reachable"),
					(error) -> log.warn("KV chunk store not reachable at start-up (" + error.getMessage()
							+ "); prompts are prefilled locally until it answers"));
		return chunks;
	}

}
