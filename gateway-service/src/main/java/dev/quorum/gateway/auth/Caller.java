// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.auth;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, once authenticated: the key's id (never the key) and its rate class.
 *
 * @param keyId the configured id of the key, or {@code open:<address>} in open mode
 * @param rateClass the rate-limit class to charge
 */
public record Caller(String keyId, String rateClass) {

	/** Exchange attribute holding the caller. */
	public static final String ATTRIBUTE = Caller.class.getName();

	/**
	 * The caller of an exchange.
	 * @param exchange the exchange
	 * @return the caller, or null before authentication
	 */
	public static Caller of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
