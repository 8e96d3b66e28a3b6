// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.generate;

import dev.quorum.decode.kv.PromptKv;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generation beans, and {@code decode-cpu}: the scheduler for CPU work that must not
 * run on a Netty event loop or on an engine thread (tokenising prompts, building
 * responses).
 */
@Configuration(proxyBeanMethods = false)
class GenerateConfiguration {

	@Bean(destroyMethod = "dispose")
	Scheduler cpuScheduler() {
		return Schedulers.newParallel("decode-cpu", Math.max(2, Runtime.getRuntime().availableProcessors()), true);
	}

	@Bean
	Pipeline pipeline(PromptKv promptKv, Scheduler cpuScheduler, MeterRegistry meters) {
		return new Pipeline(promptKv, new Generator(cpuScheduler), new RequestMetrics(meters));
	}

}
