// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.openai.client.OpenAiClient;
import dev.quorum.openai.client.OpenAiClientSettings;
import dev.quorum.reasoning.prompt.PromptCatalog;
import dev.quorum.reasoning.prompt.PromptStyle;
import dev.quorum.reasoning.prompt.PromptTemplate;
import dev.quorum.web.request.RequestId;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the model catalog: one client for decode-service shared by the local models, one
 * per external backend (its key read from the environment variable the backend names),
 * every model behind its own resilience layer.
 */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

	@Bean
	Resilience resilience(EnsembleProperties properties, MeterRegistry meters) {
		return new Resilience(properties.circuitBreaker(), meters);
	}

	@Bean
	ModelCatalog modelCatalog(EnsembleProperties properties, Resilience resilience, WebClient.Builder web,
			Environment environment) {
		WebClient.Builder builder = web.clone().filter(requestIdHeader());
		List<ModelEndpoint> models = new ArrayList<>();
		Map<String, Map<PromptStyle, PromptTemplate>> prompts = new HashMap<>();
		EnsembleProperties.Connection local = properties.local();
		OpenAiClient decode = OpenAiClient.create(settings(properties.decodeUri().resolve("/v1"), null, local),
				builder);
		for (EnsembleProperties.LocalModel m : properties.localModels()) {
			models.add(new ModelEndpoint(m.name(), m.name(), decode, new Capabilities(true, true, local.maxBatch(), 5),
					m.weight(), m.n(), resilience.calls(m.name(), local)));
			prompts.put(m.name(), templates(m.prompts()));
		}
		for (EnsembleProperties.Backend b : properties.backends()) {
			String key = (b.apiKeyEnv() != null && !b.apiKeyEnv().isBlank()) ? environment.getProperty(b.apiKeyEnv())
					: null;
			OpenAiClientSettings settings = settings(b.baseUrl(), key, b.connection());
			settings = new OpenAiClientSettings(settings.baseUrl(), settings.apiKey(), settings.connectTimeout(),
					settings.responseTimeout(), settings.maxResponseBytes(), b.tokenizePath());
			models.add(new ModelEndpoint(b.id(), b.model(), OpenAiClient.create(settings, builder),
					new Capabilities(b.logprobs(), b.branching(), b.connection().maxBatch(), b.maxLogprobs()),
					b.weight(), b.n(), resilience.calls(b.id(), b.connection())));
			prompts.put(b.id(), templates(b.prompts()));
		}
		return new ModelCatalog(models, new PromptCatalog(prompts));
	}

	private static OpenAiClientSettings settings(URI baseUrl, String key, EnsembleProperties.Connection connection) {
		return new OpenAiClientSettings(baseUrl, key, connection.connectTimeout(), connection.timeLimit(),
				OpenAiClientSettings.DEFAULT_MAX_RESPONSE_BYTES, "tokenize");
	}

	private static Map<PromptStyle, PromptTemplate> templates(EnsembleProperties.Prompts prompts) {
		Map<PromptStyle, PromptTemplate> templates = new EnumMap<>(PromptStyle.class);
		templates.put(PromptStyle.COT, new PromptTemplate(prompts.cot()));
		templates.put(PromptStyle.DIRECT, new PromptTemplate(prompts.direct()));
		templates.put(PromptStyle.PLAIN, new PromptTemplate(prompts.plain()));
		return templates;
	}

	/** Passes the request id of the Reactor context on as {@code X-Request-Id}. */
	static ExchangeFilterFunction requestIdHeader() {
		return (request, next) -> Mono.deferContextual((context) -> {
			String id = context.getOrDefault(ModelEndpoint.REQUEST_ID, null);
			return next
				.exchange((id != null) ? ClientRequest.from(request).header(RequestId.HEADER, id).build() : request);
		});
	}

}
