// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server standing in for a Quorum backend in gateway tests. It answers every
 * POST and GET with a JSON echo naming itself, the path, the forwarded request id and the
 * body size. When {@link #hang(boolean)} is on it accepts requests and never answers. A
 * request with the query {@code ?test-stream} gets an SSE stream whose first frame is
 * sent at once and the rest only after {@link #releaseStream()}, so a test can prove
 * frames are not buffered.
 */
public final class TestBackend implements AutoCloseable {

	private final String name;

	private final DisposableServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile boolean hang;

	private volatile Sinks.Empty<Void> streamGate = Sinks.empty();

	TestBackend(String name) {
		this.name = name;
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	/** A base URI where nothing listens: connections are refused. */
	public static String refusingUri() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public int requests() {
		return this.requests.get();
	}

	public void hang(boolean hang) {
		this.hang = hang;
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.requests.incrementAndGet();
		if (this.hang) {
			return Mono.never();
		}
		if (request.uri().contains("?test-stream")) {
			Flux<String> frames = Flux.just("data: {\"i\":0}\n\n")
				.concatWith(this.streamGate.asMono().thenMany(Flux.just("data: {\"i\":1}\n\n", "data: [DONE]\n\n")));
			return response.header("Content-Type", "text/event-stream")
				.send(frames.map((frame) -> Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)), (buffer) -> true)
				.then();
		}
		String requestId = request.requestHeaders().get("X-Request-Id", "");
		String authorization = request.requestHeaders().get("Authorization", "");
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			String json = "{\"backend\":\"" + this.name + "\",\"path\":\"" + request.uri() + "\",\"requestId\":\""
					+ requestId + "\",\"authorization\":" + !authorization.isEmpty() + ",\"bodyLength\":"
					+ body.getBytes(StandardCharsets.UTF_8).length + "}";
			return response.header("Content-Type", "application/json")
				.header("X-Request-Id", requestId)
				.sendString(Mono.just(json))
				.then();
		});
	}

	/** Lets the rest of a {@code ?test-stream} stream go. */
	public void releaseStream() {
		this.streamGate.tryEmitEmpty();
		this.streamGate = Sinks.empty();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
