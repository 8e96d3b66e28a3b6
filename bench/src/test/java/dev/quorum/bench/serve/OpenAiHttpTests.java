// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quorum.openai.OpenAiJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against a small real HTTP server that answers as an OpenAI-compatible one
 * does (SSE with a role chunk, content chunks, a usage chunk and [DONE]).
 */
class OpenAiHttpTests {

	private HttpServer server;

	private OpenAiHttp client;

	private final Map<String, String> seen = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/chat/completions", this::chat);
		this.server.createContext("/v1/completions", (ex) -> respond(ex, 429, "application/json",
				"{\"error\":{\"message\":\"Rate limit exceeded\",\"type\":\"rate_limit_error\"}}"));
		this.server.createContext("/v1/tokenize", (ex) -> {
			this.seen.put("tokenize", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			respond(ex, 200, "application/json", "{\"count\":17,\"max_model_len\":1024,\"tokens\":[]}");
		});
		this.server.start();
		this.client = new OpenAiHttp("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/", "sk-test",
				Duration.ofSeconds(10));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.stop(0);
	}

	private void chat(HttpExchange ex) throws IOException {
		String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.seen.put("chat", body);
		this.seen.put("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
		JsonNode request = OpenAiJson.mapper().readTree(body);
		String prompt = request.path("messages").path(0).path("content").stringValue();
		if (!request.path("stream").asBoolean(false)) {
			ex.getResponseHeaders()
				.add("Server-Timing", "transfer;dur=3.5, queue;dur=0.2, prefill;dur=25, decode;dur=0");
			respond(ex, 200, "application/json", "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x\"}}],"
					+ "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":1,\"prompt_tokens_details\":{\"cached_tokens\":864}}}");
			return;
		}
		ex.getResponseHeaders().add("Content-Type", "text/event-stream");
		ex.sendResponseHeaders(200, 0);
		try (OutputStream out = ex.getResponseBody()) {
			frame(out,
					"{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":null}");
			for (String piece : List.of("The", " answer", " is 4.")) {
				pause();
				frame(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}],\"usage\":null}");
			}
			if (prompt.equals("hang")) {
				sleep(3000);
				return;
			}
			if (prompt.equals("fail mid-stream")) {
				frame(out, "{\"error\":{\"message\":\"engine stopped\",\"type\":\"server_error\"}}");
				return;
			}
			frame(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}");
			frame(out, "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,"
					+ "\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
			if (!prompt.equals("no done")) {
				out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static void frame(OutputStream out, String json) throws IOException {
		out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void pause() {
		sleep(20);
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().add("Content-Type", type);
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	private Call chat(String prompt, boolean stream) {
		return new Call(Endpoint.CHAT, "tiny-reasoner", prompt, 64, 1, 0, null, stream);
	}

	@Test
	void streamedRequestGivesTtftOneGapPerFurtherContentChunkAndTheUsage() {
		Outcome o = this.client.send(chat("What is 2+2?", true), System.nanoTime());
		assertThat(o.ok()).isTrue();
		assertThat(o.ttftMs()).isPositive();
		// the role-only chunk and the finish chunk carry no content: 3 content chunks, 2
		// gaps
		assertThat(o.itlMs()).hasSize(2);
		assertThat(o.itlMs()[0]).isPositive();
		assertThat(o.itlMs()[1]).isPositive();
		assertThat(o.e2eMs()).isGreaterThanOrEqualTo(o.ttftMs());
		assertThat(o.promptTokens()).isEqualTo(12);
		assertThat(o.completionTokens()).isEqualTo(5);
		JsonNode sent = OpenAiJson.mapper().readTree(this.seen.get("chat"));
		assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
		assertThat(this.seen.get("auth")).isEqualTo("Bearer sk-test");
	}

	@Test
	void nonStreamedRequestReadsUsageCachedTokensAndServerTiming() {
		Outcome o = this.client.send(chat("long prompt", false), System.nanoTime());
		assertThat(o.ok()).isTrue();
		assertThat(o.ttftMs()).isNaN();
		assertThat(o.cachedTokens()).isEqualTo(864);
		assertThat(o.timing("transfer")).isEqualTo(3.5);
		assertThat(o.timing("prefill")).isEqualTo(25.0);
		assertThat(o.timing("absent")).isNaN();
	}

	@Test
	void errorFramesStreamsWithoutDoneAndErrorStatusesAreFailures() {
		Outcome midStream = this.client.send(chat("fail mid-stream", true), System.nanoTime());
		assertThat(midStream.ok()).isFalse();
		assertThat(midStream.error()).contains("engine stopped");
		Outcome noDone = this.client.send(chat("no done", true), System.nanoTime());
		assertThat(noDone.ok()).isFalse();
		assertThat(noDone.error()).contains("[DONE]");
		Outcome limited = this.client.send(new Call(Endpoint.COMPLETIONS, "m", "p", 8, 1, 0, null, true),
				System.nanoTime());
		assertThat(limited.ok()).isFalse();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.error()).isEqualTo("Rate limit exceeded");
	}

	@Test
	void aStreamThatNeverEndsFailsAtTheDeadlineInsteadOfHanging() {
		try (OpenAiHttp impatient = new OpenAiHttp("http://127.0.0.1:" + this.server.getAddress().getPort(), null,
				Duration.ofSeconds(1))) {
			Outcome o = impatient.send(chat("hang", true), System.nanoTime());
			assertThat(o.ok()).isFalse();
			assertThat(o.error()).contains("no complete response within 1 s");
		}
	}

	@Test
	void unreachableServerIsAFailedOutcomeNotAnException() {
		try (OpenAiHttp nowhere = new OpenAiHttp("http://127.0.0.1:1", null, Duration.ofSeconds(2))) {
			Outcome o = nowhere.send(chat("hi", true), System.nanoTime());
			assertThat(o.ok()).isFalse();
			assertThat(o.status()).isZero();
			assertThat(nowhere.ready()).isFalse();
		}
	}

	@Test
	void tokenizeSendsChatMessagesOrARawPrompt() {
		assertThat(this.client.tokenize(Endpoint.CHAT, "m", "hello")).isEqualTo(17);
		assertThat(OpenAiJson.mapper()
			.readTree(this.seen.get("tokenize"))
			.path("messages")
			.path(0)
			.path("content")
			.stringValue()).isEqualTo("hello");
		this.client.tokenize(Endpoint.COMPLETIONS, "m", "raw");
		assertThat(OpenAiJson.mapper().readTree(this.seen.get("tokenize")).path("prompt").stringValue())
			.isEqualTo("raw");
	}

	@Test
	void serverTimingHeaderParsing() {
		assertThat(OpenAiHttp.serverTiming("transfer;dur=3.1, queue;dur=0.2,prefill;desc=\"x\";dur=25"))
			.containsExactly(Map.entry("transfer", 3.1), Map.entry("queue", 0.2), Map.entry("prefill", 25.0));
		assertThat(OpenAiHttp.serverTiming("")).isEmpty();
		assertThat(OpenAiHttp.serverTiming("cache, bad;dur=x")).isEmpty();
	}

	@Test
	void baseUrlDropsTrailingSlashesAndV1() {
		assertThat(OpenAiHttp.baseOf("http://h:8080/v1/")).isEqualTo("http://h:8080");
		assertThat(OpenAiHttp.baseOf("http://h:8080")).isEqualTo("http://h:8080");
	}

}
