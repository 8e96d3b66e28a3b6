// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a free port that answers every request with one scripted response
 * and records the request it got.
 */
final class FakeBackend implements AutoCloseable {

	private final AtomicReference<Reply> reply = new AtomicReference<>();

	private final AtomicReference<Recorded> last = new AtomicReference<>();

	private final DisposableServer server;

	FakeBackend() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						Map<String, String> headers = new LinkedHashMap<>();
						request.requestHeaders()
							.forEach((header) -> headers.put(header.getKey().toLowerCase(), header.getValue()));
						this.last.set(new Recorded(request.method().name(), request.uri(), headers, body));
						Reply scripted = this.reply.get();
						response.status(HttpResponseStatus.valueOf(scripted.status()));
						scripted.headers().forEach(response::header);
						Flux<String> parts = Flux.fromIterable(scripted.parts())
							.delayElements(scripted.gap().isZero() ? Duration.ofMillis(1) : scripted.gap());
						return Mono.delay(scripted.delay()).then(response.sendString(parts).then());
					}))
			.bindNow();
	}

	/**
	 * The API root, as OpenAI SDKs take it.
	 * @return {@code http://127.0.0.1:<port>/v1}
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/v1";
	}

	FakeBackend reply(Reply reply) {
		this.reply.set(reply);
		return this;
	}

	Recorded last() {
		return this.last.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A scripted response.
	 *
	 * @param status the HTTP status
	 * @param headers response headers
	 * @param parts body parts, written one by one
	 * @param delay silence before the response starts
	 * @param gap silence between parts
	 */
	record Reply(int status, Map<String, String> headers, List<String> parts, Duration delay, Duration gap) {

		static Reply json(int status, String body) {
			return new Reply(status, Map.of("Content-Type", "application/json"), List.of(body), Duration.ZERO,
					Duration.ZERO);
		}

		static Reply sse(String... frames) {
			return new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(frames), Duration.ZERO,
					Duration.ZERO);
		}

		Reply withHeader(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Reply(this.status, more, this.parts, this.delay, this.gap);
		}

		Reply after(Duration delay) {
			return new Reply(this.status, this.headers, this.parts, delay, this.gap);
		}

		Reply withGap(Duration gap) {
			return new Reply(this.status, this.headers, this.parts, this.delay, gap);
		}

	}

	/**
	 * What the server received.
	 *
	 * @param method the HTTP method
	 * @param uri the request URI (path and query)
	 * @param headers the headers, names in lower case
	 * @param body the body
	 */
	record Recorded(String method, String uri, Map<String, String> headers, String body) {
	}

}
