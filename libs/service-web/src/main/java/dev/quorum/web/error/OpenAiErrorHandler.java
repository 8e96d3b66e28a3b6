// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.error;

import java.util.concurrent.TimeoutException;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorResponse;
import dev.quorum.openai.ErrorType;
import dev.quorum.web.request.RequestId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place where exceptions become HTTP errors: every failure leaves as OpenAI's
 * error envelope with the right status, {@code Retry-After} where it applies, and never a
 * stack trace. Unexpected exceptions are logged here, with the request id the client also
 * sees.
 */
public class OpenAiErrorHandler implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(OpenAiErrorHandler.class);

	private final JsonMapper json;

	/**
	 * Creates the handler.
	 * @param json the mapper that writes the envelope
	 */
	public OpenAiErrorHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ApiException error = toApiException(ex, exchange);
		response.setStatusCode(HttpStatusCode.valueOf(error.status()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (error.retryAfter() != null) {
			long seconds = (error.retryAfter().toMillis() + 999) / 1000;
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
		}
		byte[] body = this.json.writeValueAsBytes(
				ErrorResponse.of(error.getMessage(), error.type().wireName(), error.param(), error.code()));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * Maps any failure to the error the client sees.
	 * @param ex the failure
	 * @param exchange the exchange it happened in
	 * @return the client-facing error
	 */
	static ApiException toApiException(Throwable ex, ServerWebExchange exchange) {
		if (ex instanceof ApiException api) {
			return api;
		}
		if (ex instanceof DataBufferLimitException || hasCause(ex, DataBufferLimitException.class)) {
			return new ApiException(413, ErrorType.INVALID_REQUEST, "Request body is too large", null,
					"request_too_large", null);
		}
		if (ex instanceof ServerWebInputException input) {
			return ApiException.invalidRequest(null,
					"Could not parse the request body as JSON: " + shortReason(input.getReason(), "malformed request"));
		}
		if (ex instanceof MethodNotAllowedException notAllowed) {
			return new ApiException(405, ErrorType.INVALID_REQUEST,
					"Method " + notAllowed.getHttpMethod() + " is not allowed on " + exchange.getRequest().getPath(),
					null, "method_not_allowed", null);
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(status, exchange);
		}
		if (ex instanceof TimeoutException) {
			return ApiException.timeout("The request timed out");
		}
		String requestId = RequestId.of(exchange);
		log.error("Unhandled error on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
				+ " [request " + requestId + "]", ex);
		return new ApiException(500, ErrorType.SERVER,
				"Internal server error; quote request id " + requestId + " when reporting it", null, null, null);
	}

	private static ApiException fromStatus(ResponseStatusException ex, ServerWebExchange exchange) {
		int status = ex.getStatusCode().value();
		ErrorType type = ErrorType.forStatus(status);
		String message = switch (status) {
			case 404 ->
				"No such endpoint: " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
			case 413 -> "Request body is too large";
			case 415 -> "Unsupported media type; send application/json";
			case 503 -> "Service unavailable";
			case 504 -> "The backend did not answer in time";
			default -> (status >= 500) ? "Internal server error" : shortReason(ex.getReason(), "Bad request");
		};
		String code = switch (status) {
			case 404 -> "unknown_url";
			case 413 -> "request_too_large";
			default -> null;
		};
		return new ApiException(status, type, message, null, code, null);
	}

	private static String shortReason(String reason, String fallback) {
		if (reason == null || reason.isBlank()) {
			return fallback;
		}
		return (reason.length() > 200) ? reason.substring(0, 200) + "..." : reason;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
