// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.request;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id, passes it downstream in {@code X-Request-Id} (the mutated
 * request is what proxies forward) and returns it on every response, errors included.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

	/**
	 * Runs first, so that everything after it, the error handler included, sees the id.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestId.accept(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
		exchange.getAttributes().put(RequestId.ATTRIBUTE, id);
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> h.set(RequestId.HEADER, id)).build();
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		mutated.getResponse().beforeCommit(() -> {
			mutated.getResponse().getHeaders().set(RequestId.HEADER, id);
			return Mono.empty();
		});
		return chain.filter(mutated);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
