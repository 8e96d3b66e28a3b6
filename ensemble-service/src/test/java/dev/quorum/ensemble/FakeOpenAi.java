// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a free port standing in for an OpenAI-compatible backend (or
 * verifier-service): every request is recorded and answered by a scripted function.
 */
public final class FakeOpenAi implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger open = new AtomicInteger();

	private final DisposableServer server;

	private volatile Function<Call, Reply> handler;

	/**
	 * A server answering with a handler.
	 * @param handler the script
	 */
	public FakeOpenAi(Function<Call, Reply> handler) {
		this.handler = handler;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						Map<String, String> headers = new java.util.LinkedHashMap<>();
						request.requestHeaders().forEach((h) -> headers.put(h.getKey().toLowerCase(), h.getValue()));
						Call call = new Call(request.uri(), headers, body.isEmpty() ? null : json.readTree(body));
						this.calls.add(call);
						Reply reply = this.handler.apply(call);
						response.status(HttpResponseStatus.valueOf(reply.status()));
						response.header("Content-Type", "application/json");
						this.open.incrementAndGet();
						return Mono.delay(reply.delay())
							.then(response.sendString(Mono.just(reply.body())).then())
							.doFinally((signal) -> this.open.decrementAndGet());
					}).then())
			.bindNow();
	}

	/**
	 * Replaces the script.
	 * @param handler the new script
	 */
	public void answer(Function<Call, Reply> handler) {
		this.handler = handler;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Every request so far. */
	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** The requests to one path. */
	public List<Call> calls(String path) {
		return this.calls.stream().filter((c) -> c.path().equals(path)).toList();
	}

	/** Replies still being written (a cancelled client closes them). */
	public int open() {
		return this.open.get();
	}

	/** Forgets the recorded requests. */
	public void reset() {
		this.calls.clear();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A request.
	 *
	 * @param path the path
	 * @param headers headers, names in lower case
	 * @param body the JSON body, or null
	 */
	public record Call(String path, Map<String, String> headers, JsonNode body) {
	}

	/**
	 * A scripted reply.
	 *
	 * @param status the status
	 * @param body the body
	 * @param delay silence before it
	 */
	public record Reply(int status, String body, Duration delay) {

		public static Reply json(Object body) {
			return new Reply(200, (body instanceof String s) ? s : json.writeValueAsString(body), Duration.ZERO);
		}

		public static Reply error(int status, String message) {
			return new Reply(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\"}}",
					Duration.ZERO);
		}

		public Reply after(Duration delay) {
			return new Reply(this.status, this.body, delay);
		}

	}

}
