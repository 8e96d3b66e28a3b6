// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.request;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request on the {@code quorum.access} logger: method, path, status, latency
 * in milliseconds, the API key's id (never the key) and the request id. Actuator probes
 * are left out.
 */
public class AccessLogWebFilter implements WebFilter, Ordered {

	/** Exchange attribute where authentication puts the id of the caller's key. */
	public static final String KEY_ID_ATTRIBUTE = AccessLogWebFilter.class.getName() + ".keyId";

	private static final Log log = LogFactory.getLog("quorum.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/actuator/") || !log.isInfoEnabled()) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		// tap: with automatic context propagation its callbacks see the request's trace
		// context, so
		// the line carries the trace id like every other log line of the request.
		return chain.filter(exchange).tap(() -> new DefaultSignalListener<>() {
			@Override
			public void doFinally(SignalType signal) {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				String keyId = exchange.getAttributeOrDefault(KEY_ID_ATTRIBUTE, "-");
				long millis = (System.nanoTime() - start) / 1_000_000;
				log.info(exchange.getRequest().getMethod() + " " + path + " " + ((status != null) ? status.value() : 0)
						+ " " + millis + "ms key=" + keyId + " request=" + RequestId.of(exchange)
						+ ((signal == SignalType.CANCEL) ? " (client went away)" : ""));
			}
		});
	}

	@Override
	public int getOrder() {
		return RequestIdWebFilter.ORDER + 1;
	}

}
