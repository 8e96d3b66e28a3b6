// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.auth;

import java.net.InetSocketAddress;
import java.util.List;

import dev.quorum.gateway.GatewayProperties;
import dev.quorum.gateway.GatewayProperties.ApiKey;
import dev.quorum.gateway.GatewayProperties.AuthMode;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.ApiException;
import dev.quorum.web.request.AccessLogWebFilter;
import dev.quorum.web.request.RequestIdWebFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request through only with {@code Authorization: Bearer <key>} for a configured
 * key (401 otherwise), and records the caller for rate limiting and the access log.
 * Health, Prometheus and CORS preflight requests need no key. In open mode everyone gets
 * in, and the start-up log says so.
 */
@Component
public class ApiKeyAuthFilter implements WebFilter, Ordered {

	/** After request id, access log and CORS; before rate limiting. */
	public static final int ORDER = RequestIdWebFilter.ORDER + 10;

	private static final Log log = LogFactory.getLog(ApiKeyAuthFilter.class);

	private static final List<String> PUBLIC_PREFIXES = List.of("/actuator/health", "/actuator/info",
			"/actuator/prometheus");

	private final AuthMode mode;

	private final ApiKeys keys;

	private final MeterRegistry meters;

	ApiKeyAuthFilter(GatewayProperties properties, MeterRegistry meters) {
		this.mode = properties.auth().mode();
		this.keys = new ApiKeys(properties.auth().keys());
		this.meters = meters;
		if (this.mode == AuthMode.OPEN) {
			log.warn("AUTHENTICATION IS OFF (quorum.gateway.auth.mode=open): anyone who can reach this gateway "
					+ "can use it. Use open mode for the local quickstart only.");
		}
		else if (this.keys.size() == 0) {
			log.warn("No API keys are configured (quorum.gateway.auth.keys): every request will get 401.");
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isPublic(exchange)) {
			return chain.filter(exchange);
		}
		Caller caller = (this.mode == AuthMode.OPEN) ? openCaller(exchange) : keyCaller(exchange);
		if (caller == null) {
			return Mono.error(unauthorized(exchange));
		}
		exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
		exchange.getAttributes().put(AccessLogWebFilter.KEY_ID_ATTRIBUTE, caller.keyId());
		return chain.filter(exchange);
	}

	private Caller keyCaller(ServerWebExchange exchange) {
		String token = bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (token == null) {
			return null;
		}
		ApiKey key = this.keys.find(token);
		return (key != null) ? new Caller(key.id(), key.rateClass()) : null;
	}

	private static Caller openCaller(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return new Caller("open:" + address, "default");
	}

	private ApiException unauthorized(ServerWebExchange exchange) {
		boolean sent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		this.meters.counter("quorum.gateway.auth.failures", "reason", sent ? "invalid_key" : "missing_key").increment();
		String message = sent ? "Incorrect API key provided"
				: "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'";
		return new ApiException(401, ErrorType.AUTHENTICATION, message, null, "invalid_api_key", null);
	}

	private static String bearer(String header) {
		if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	private static boolean isPublic(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() == HttpMethod.OPTIONS
				&& exchange.getRequest().getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
			return true;
		}
		String path = exchange.getRequest().getPath().value();
		return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
