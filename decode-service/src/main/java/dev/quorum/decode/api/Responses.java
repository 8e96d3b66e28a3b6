// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.api;

import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.sse.SseFrames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * What the endpoints share: ids, timestamps, and writing responses: JSON through OpenAI's
 * mapper, SSE framed byte for byte like OpenAI's.
 */
final class Responses {

	private static final SseFrames frames = SseFrames.create();

	private static final JsonMapper mapper = OpenAiJson.mapper();

	private Responses() {
	}

	static String id(String prefix) {
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		return prefix + HexFormat.of().formatHex(random);
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	/**
	 * Writes an SSE stream as raw bytes, flushing every frame: {@code data: <json>}
	 * frames, then {@code data: [DONE]}, or one error frame if the stream fails.
	 * (Spring's SSE encoder would write {@code data:} without the space.)
	 */
	static Mono<Void> sse(ServerHttpResponse response, Flux<?> chunks) {
		response.setStatusCode(HttpStatus.OK);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.TEXT_EVENT_STREAM);
		headers.setCacheControl(CacheControl.noCache());
		headers.set("X-Accel-Buffering", "no");
		return response
			.writeAndFlushWith(frames.frames(chunks).map((frame) -> Mono.just(response.bufferFactory().wrap(frame))));
	}

	/** Writes one JSON body, with a {@code Server-Timing} header when there is one. */
	static Mono<Void> json(ServerHttpResponse response, Object body, String serverTiming) {
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		if (serverTiming != null) {
			response.getHeaders().set("Server-Timing", serverTiming);
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(mapper.writeValueAsBytes(body))));
	}

}
