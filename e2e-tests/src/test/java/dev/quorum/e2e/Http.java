// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quorum.testsupport.redis.RedisInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP and Redis calls for end-to-end tests: JSON in, status and JSON out;
 * Prometheus values; Redis key counts.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private Http() {
	}

	/**
	 * A response.
	 *
	 * @param status HTTP status
	 * @param body the body parsed as JSON (null when not JSON)
	 * @param response the raw response
	 */
	public record Response(int status, JsonNode body, HttpResponse<String> response) {
	}

	/**
	 * POSTs JSON.
	 * @param url the URL
	 * @param apiKey a bearer key, or null
	 * @param body the body (serialised with Jackson)
	 * @return the response
	 */
	public static Response post(String url, String apiKey, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(180))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return send(request.build());
	}

	/**
	 * GETs a URL.
	 * @param url the URL
	 * @return the response
	 */
	public static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	/**
	 * Sums a Prometheus metric's samples whose label set contains {@code labels}.
	 * @param serviceUrl the service's base URL
	 * @param metric the Prometheus name, e.g.
	 * {@code quorum_decode_prefix_cache_hits_tokens_total}
	 * @param labels a label fragment that must occur, e.g. {@code source="redis"}, or ""
	 * @return the sum (0 when absent)
	 */
	public static double metric(String serviceUrl, String metric, String labels) {
		String text = get(serviceUrl + "/actuator/prometheus").response().body();
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
		double sum = 0;
		while (m.find()) {
			if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
				sum += Double.parseDouble(m.group(2));
			}
		}
		return sum;
	}

	/**
	 * Counts Redis keys matching a pattern (over RESP, with {@code KEYS}: test data
	 * only).
	 * @param redis the Redis
	 * @param pattern e.g. {@code quorum:kv:*}
	 * @return the number of keys
	 */
	public static int countKeys(RedisInstance redis, String pattern) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(redis.host(), redis.port()), 2000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			String command = "*3\r\n$4\r\nEVAL\r\n$" + script(pattern).length() + "\r\n" + script(pattern)
					+ "\r\n$1\r\n0\r\n";
			out.write(command.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				line.append((char) c);
			}
			String reply = line.toString().trim();
			if (!reply.startsWith(":")) {
				throw new IllegalStateException("unexpected Redis reply: " + reply);
			}
			return Integer.parseInt(reply.substring(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String script(String pattern) {
		return "return #redis.call('keys','" + pattern + "')";
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = null;
			try {
				body = json.readTree(response.body());
			}
			catch (RuntimeException ex) {
				// not JSON (e.g. Prometheus text or SSE)
			}
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
