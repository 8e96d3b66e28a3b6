// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quorum.openai.OpenAiJson;
import tools.jackson.databind.JsonNode;

/**
 * A blocking OpenAI-compatible HTTP client for load generation, one virtual thread per
 * request: the time of every streamed chunk is taken when its line is read, without a
 * reactive pipeline in between.
 */
public final class OpenAiHttp implements AutoCloseable {

	private final HttpClient http;

	private final String base;

	private final String apiKey;

	private final Duration timeout;

	/** Closes response bodies still open at their deadline (a stream that never ends). */
	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("quorum-bench-deadlines").factory());

	/**
	 * Creates a client.
	 * @param url the server, e.g. {@code http://localhost:8080} (a trailing {@code /v1}
	 * is dropped)
	 * @param apiKey bearer key, or null
	 * @param timeout longest wait for a whole response, streamed or not
	 */
	public OpenAiHttp(String url, String apiKey, Duration timeout) {
		this.base = baseOf(url);
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	static String baseOf(String url) {
		String b = url.strip();
		while (b.endsWith("/")) {
			b = b.substring(0, b.length() - 1);
		}
		return b.endsWith("/v1") ? b.substring(0, b.length() - 3) : b;
	}

	/**
	 * The server's address.
	 * @return the base URL without {@code /v1}
	 */
	public String base() {
		return this.base;
	}

	/**
	 * Sends a request and waits for the whole response.
	 * @param call the request
	 * @param runStartNanos {@link System#nanoTime()} at the start of the run
	 * @return what happened; never throws for HTTP or I/O failures
	 */
	public Outcome send(Call call, long runStartNanos) {
		long sent = System.nanoTime();
		double sentAt = (sent - runStartNanos) / 1e6;
		try {
			HttpResponse<InputStream> response = this.http.send(request(call.endpoint().path(), call.body()),
					HttpResponse.BodyHandlers.ofInputStream());
			AtomicBoolean expired = new AtomicBoolean();
			long left = this.timeout.toNanos() - (System.nanoTime() - sent);
			try (InputStream body = response.body()) {
				ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
					expired.set(true);
					try {
						body.close();
					}
					catch (IOException ex) {
						// closing is all that is needed: the blocked read ends
					}
				}, Math.max(0, left), TimeUnit.NANOSECONDS);
				try {
					Outcome o = read(call, response, body, sent, sentAt);
					return expired.get() ? timedOut(sent, sentAt) : o;
				}
				catch (IOException | RuntimeException ex) {
					if (expired.get()) {
						return timedOut(sent, sentAt);
					}
					throw ex;
				}
				finally {
					deadline.cancel(false);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Outcome.failed(0, ex.getClass().getSimpleName() + ": " + ex.getMessage(), sentAt, ms(sent));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed(0, "interrupted", sentAt, ms(sent));
		}
	}

	private Outcome read(Call call, HttpResponse<InputStream> response, InputStream body, long sent, double sentAt)
			throws IOException {
		if (response.statusCode() != 200) {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			return Outcome.failed(response.statusCode(), errorMessage(text), sentAt, ms(sent));
		}
		if (call.stream()) {
			return stream(body, sent, sentAt);
		}
		JsonNode json = OpenAiJson.mapper().readTree(body);
		JsonNode usage = json.path("usage");
		return new Outcome(true, 200, null, sentAt, Double.NaN, ms(sent), new double[0],
				usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0),
				usage.path("prompt_tokens_details").path("cached_tokens").asInt(0),
				serverTiming(response.headers().firstValue("Server-Timing").orElse("")));
	}

	private Outcome timedOut(long sent, double sentAt) {
		return Outcome.failed(0, "no complete response within " + this.timeout.toSeconds() + " s", sentAt, ms(sent));
	}

	private Outcome stream(InputStream body, long sent, double sentAt) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
		double ttft = Double.NaN;
		long last = 0;
		List<Double> itl = new ArrayList<>();
		int chunks = 0;
		JsonNode usage = null;
		boolean done = false;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			long now = System.nanoTime();
			if (!line.startsWith("data:")) {
				continue;
			}
			String data = line.substring(5).strip();
			if (data.equals("[DONE]")) {
				done = true;
				break;
			}
			JsonNode chunk = OpenAiJson.mapper().readTree(data);
			if (chunk.has("error")) {
				return Outcome.failed(200, "error frame: " + errorMessage(data), sentAt, ms(sent));
			}
			if (chunk.path("usage").isObject()) {
				usage = chunk.path("usage");
			}
			if (hasContent(chunk)) {
				chunks++;
				if (Double.isNaN(ttft)) {
					ttft = (now - sent) / 1e6;
				}
				else {
					itl.add((now - last) / 1e6);
				}
				last = now;
			}
		}
		if (!done) {
			return Outcome.failed(200, "the stream ended without [DONE]", sentAt, ms(sent));
		}
		int completion = (usage != null) ? usage.path("completion_tokens").asInt(chunks) : chunks;
		int prompt = (usage != null) ? usage.path("prompt_tokens").asInt(0) : 0;
		int cached = (usage != null) ? usage.path("prompt_tokens_details").path("cached_tokens").asInt(0) : 0;
		return new Outcome(true, 200, null, sentAt, ttft, ms(sent),
				itl.stream().mapToDouble(Double::doubleValue).toArray(), prompt, completion, cached, Map.of());
	}

	/** Whether a chat or completions chunk carries generated text. */
	static boolean hasContent(JsonNode chunk) {
		for (JsonNode choice : chunk.path("choices").values()) {
			JsonNode text = choice.path("delta").path("content");
			if (text.isMissingNode()) {
				text = choice.path("text");
			}
			if (text.isString() && !text.stringValue().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts the tokens of a prompt as the server's template renders it
	 * ({@code POST /v1/tokenize}, vLLM's shape).
	 * @param endpoint whether the text is a chat message or a raw prompt
	 * @param model the model
	 * @param text the text
	 * @return the token count
	 * @throws IllegalStateException when the server cannot tokenize
	 */
	public int tokenize(Endpoint endpoint, String model, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", model);
		if (endpoint == Endpoint.CHAT) {
			body.put("messages", List.of(Map.of("role", "user", "content", text)));
		}
		else {
			body.put("prompt", text);
		}
		try {
			HttpResponse<String> r = this.http.send(
					request("/v1/tokenize", OpenAiJson.mapper().writeValueAsString(body)),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException(
						"POST /v1/tokenize answered " + r.statusCode() + ": " + errorMessage(r.body()));
			}
			return OpenAiJson.mapper().readTree(r.body()).path("count").asInt();
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST /v1/tokenize failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Posts a JSON body and waits for the whole answer.
	 * @param path e.g. {@code /v1/reason}
	 * @param json the body
	 * @return the status (0 when no answer came), body or error text, and the time taken
	 */
	public Reply post(String path, String json) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> r = this.http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
			return new Reply(r.statusCode(), r.body(), ms(start));
		}
		catch (IOException ex) {
			return new Reply(0, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ms(start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(0, "interrupted", ms(start));
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status, 0 when none arrived
	 * @param body the body, or what went wrong
	 * @param ms time from sending to the end of the body
	 */
	public record Reply(int status, String body, double ms) {

		/**
		 * The OpenAI-style error message of a failed reply.
		 * @return the message, or the body shortened
		 */
		public String error() {
			return errorMessage(this.body);
		}

	}

	/**
	 * Whether the server answers {@code GET /v1/models} with 200.
	 * @return true when it does
	 */
	public boolean ready() {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(this.base + "/v1/models"))
			.timeout(Duration.ofSeconds(5))
			.GET();
		if (this.apiKey != null) {
			b.header("Authorization", "Bearer " + this.apiKey);
		}
		try {
			return this.http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpRequest request(String path, String json) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (this.apiKey != null) {
			b.header("Authorization", "Bearer " + this.apiKey);
		}
		return b.build();
	}

	/**
	 * Parses {@code name;dur=1.5, other;dur=2} into durations by name.
	 * @param header the header value
	 * @return ms by name, in order
	 */
	static Map<String, Double> serverTiming(String header) {
		Map<String, Double> timings = new LinkedHashMap<>();
		for (String metric : header.split(",")) {
			String[] parts = metric.strip().split(";");
			if (parts[0].isBlank()) {
				continue;
			}
			for (int i = 1; i < parts.length; i++) {
				String p = parts[i].strip();
				if (p.startsWith("dur=")) {
					try {
						timings.put(parts[0].strip(), Double.parseDouble(p.substring(4)));
					}
					catch (NumberFormatException ex) {
						// a malformed duration is left out
					}
				}
			}
		}
		return timings;
	}

	private static String errorMessage(String body) {
		try {
			JsonNode message = OpenAiJson.mapper().readTree(body).path("error").path("message");
			if (message.isString()) {
				return message.stringValue();
			}
		}
		catch (RuntimeException ex) {
			// not JSON: the body itself, shortened
		}
		return (body.length() > 200) ? body.substring(0, 200) + "..." : body;
	}

	private static double ms(long since) {
		return (System.nanoTime() - since) / 1e6;
	}

	@Override
	public void close() {
		this.deadlines.shutdownNow();
		this.http.close();
	}

}
