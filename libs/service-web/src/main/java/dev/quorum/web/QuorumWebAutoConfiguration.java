// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web;

import dev.quorum.web.error.OpenAiErrorHandler;
import dev.quorum.web.request.AccessLogWebFilter;
import dev.quorum.web.request.RequestIdWebFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Registers the shared request-id filter, access log and OpenAI error handler in every
 * reactive Quorum service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class QuorumWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestIdWebFilter requestIdWebFilter() {
		return new RequestIdWebFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	AccessLogWebFilter accessLogWebFilter() {
		return new AccessLogWebFilter();
	}

	/** Ahead of Boot's own error handler (order -1), so every error is OpenAI-shaped. */
	@Bean
	@Order(-2)
	@ConditionalOnMissingBean
	OpenAiErrorHandler openAiErrorHandler(JsonMapper jsonMapper) {
		return new OpenAiErrorHandler(jsonMapper);
	}

}
