// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

/**
 * The {@code error.type} values Quorum sends, and the HTTP status each goes with by
 * default.
 */
public enum ErrorType {

	/** 400, and 404/405/413/415/422 on request problems. */
	INVALID_REQUEST("invalid_request_error", 400),
	/** 401: missing or wrong API key. */
	AUTHENTICATION("authentication_error", 401),
	/** 403: the key may not do this. */
	PERMISSION("permission_error", 403),
	/** 404: unknown model or route. */
	NOT_FOUND("not_found_error", 404),
	/** 429: rate limit. */
	RATE_LIMIT("rate_limit_error", 429),
	/** 500: a bug on our side. */
	SERVER("server_error", 500),
	/** 503: a backend is down, its circuit is open, or the service is overloaded. */
	SERVICE_UNAVAILABLE("service_unavailable_error", 503),
	/** 504: a backend did not answer in time, or the request deadline passed. */
	TIMEOUT("timeout_error", 504);

	private final String wireName;

	private final int status;

	ErrorType(String wireName, int status) {
		this.wireName = wireName;
		this.status = status;
	}

	/** The value of {@code error.type}. */
	public String wireName() {
		return this.wireName;
	}

	/** The HTTP status that goes with this type by default. */
	public int status() {
		return this.status;
	}

	/**
	 * The type that goes with an HTTP status.
	 * @param status an HTTP status code
	 * @return the matching type ({@link #INVALID_REQUEST} for other 4xx, {@link #SERVER}
	 * for other 5xx)
	 */
	public static ErrorType forStatus(int status) {
		return switch (status) {
			case 401 -> AUTHENTICATION;
			case 403 -> PERMISSION;
			case 404 -> NOT_FOUND;
			case 429 -> RATE_LIMIT;
			case 503, 502 -> SERVICE_UNAVAILABLE;
			case 504 -> TIMEOUT;
			default -> (status >= 500) ? SERVER : INVALID_REQUEST;
		};
	}

}
