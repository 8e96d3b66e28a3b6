// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.quorum.openai.OpenAiJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writing responses: JSON through OpenAI's mapper, SSE as raw frames flushed one by one
 * (Spring's SSE encoder writes {@code data:} without the space), and response ids.
 */
public final class HttpWrites {

	private HttpWrites() {
	}

	/**
	 * A response id.
	 * @param prefix e.g. {@code rsn-} or {@code chatcmpl-}
	 * @return the id
	 */
	public static String id(String prefix) {
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		return prefix + HexFormat.of().formatHex(random);
	}

	/**
	 * Now, in Unix seconds.
	 * @return the time
	 */
	public static long now() {
		return Instant.now().getEpochSecond();
	}

	/**
	 * Writes one JSON body with status 200.
	 * @param response the response
	 * @param body the record to write
	 * @return completion
	 */
	public static Mono<Void> json(ServerHttpResponse response, Object body) {
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(
				Mono.fromSupplier(() -> response.bufferFactory().wrap(OpenAiJson.mapper().writeValueAsBytes(body))));
	}

	/**
	 * Writes a stream of frames, flushing each.
	 * @param response the response
	 * @param contentType {@code text/event-stream} or {@code application/x-ndjson}
	 * @param frames the frames
	 * @return completion
	 */
	public static Mono<Void> stream(ServerHttpResponse response, MediaType contentType, Flux<byte[]> frames) {
		response.setStatusCode(HttpStatus.OK);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(contentType);
		headers.setCacheControl(CacheControl.noCache());
		headers.set("X-Accel-Buffering", "no");
		return response.writeAndFlushWith(frames.map((frame) -> Mono.just(response.bufferFactory().wrap(frame))));
	}

}
