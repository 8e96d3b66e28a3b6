// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.limit;

import dev.quorum.gateway.GatewayProperties;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.ApiException;
import dev.quorum.web.request.RequestIdWebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@code quorum.gateway.max-body-size} with 413: at once when
 * {@code Content-Length} says so, and while reading for chunked bodies that declare no
 * length.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	BodySizeLimitFilter(GatewayProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared >= 0 || !hasBody(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		// No declared length (chunked): read the body up to the limit before anything
		// else sees it,
		// so an oversize body is refused here rather than half-read by a routing
		// predicate.
		return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(Integer.MAX_VALUE, this.maxBytes))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge())
			.map((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap(
					(bytes) -> chain.filter(exchange.mutate().request(buffered(exchange.getRequest(), bytes)).build()));
	}

	private static boolean hasBody(ServerHttpRequest request) {
		return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	/** The request with its body held in memory and its length declared. */
	private static ServerHttpRequest buffered(ServerHttpRequest request, byte[] bytes) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.getHeaders());
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentLength(bytes.length);
		return new ServerHttpRequestDecorator(request) {
			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
			}
		};
	}

	private ApiException tooLarge() {
		return new ApiException(413, ErrorType.INVALID_REQUEST,
				"Request body is larger than the " + this.maxBytes + "-byte limit", null, "request_too_large", null);
	}

	@Override
	public int getOrder() {
		return RequestIdWebFilter.ORDER + 5;
	}

}
