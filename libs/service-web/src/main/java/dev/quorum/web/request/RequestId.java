// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.request;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request id: taken from {@code X-Request-Id} when the client sent a sane one,
 * otherwise made here, and kept in an exchange attribute.
 */
public final class RequestId {

	/** The header that carries it, in both directions and downstream. */
	public static final String HEADER = "X-Request-Id";

	/** Exchange attribute holding the id. */
	public static final String ATTRIBUTE = RequestId.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestId() {
	}

	/**
	 * The id of this exchange ({@code "-"} before the filter ran).
	 * @param exchange the exchange
	 * @return the id
	 */
	public static String of(ServerWebExchange exchange) {
		String id = exchange.getAttribute(ATTRIBUTE);
		return (id != null) ? id : "-";
	}

	/**
	 * Keeps a client-supplied id if it is short and plain, otherwise makes a new one.
	 * @param supplied the header value, or null
	 * @return the id to use
	 */
	static String accept(String supplied) {
		if (supplied != null && SANE.matcher(supplied).matches()) {
			return supplied;
		}
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		return "req_" + HexFormat.of().formatHex(random);
	}

}
