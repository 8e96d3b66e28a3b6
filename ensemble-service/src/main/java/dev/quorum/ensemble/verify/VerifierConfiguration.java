// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.verify;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.backend.Resilience;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The verifier-service client behind the {@code verifier} circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

	@Bean
	VerifierClient verifierClient(EnsembleProperties properties, Resilience resilience, WebClient.Builder web) {
		EnsembleProperties.Verifier settings = properties.verifier();
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
		WebClient client = web.clone()
			.baseUrl(properties.verifierUri().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
		return new VerifierClient(client, resilience.breaker("verifier"), settings.timeLimit());
	}

}
