// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.ensemble.FakeOpenAi.Reply;
import dev.quorum.ensemble.ToyBackend.Branch;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a random port with scripted backends: decode-service serving
 * {@code tiny-reasoner} (greedy writes the wrong answer 5; samples cycle 4, 4, 5 and one
 * without an answer; CoT-decoding's second branch is the right one),
 * {@code tiny-reasoner-b} (always 4) and {@code tiny-verifier}; an external backend
 * {@code ext} (serving {@code tiny-reasoner-b}, no logprobs); a backend {@code down} that
 * refuses connections; and verifier-service scoring solutions that reach 4 with 0.9,
 * others with 0.2.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class WireTestSupport {

	public static final String QUESTION = "Tom has 2 shells. He finds 2 more. How many shells does Tom have now?";

	public static final String RIGHT = "2+2=4\nThe answer is 4.";

	public static final String WRONG = "2+2=5\nThe answer is 5.";

	public static final String UNPARSED = "No idea, sorry.";

	protected static final ToyBackend toy = new ToyBackend()
		.model("tiny-reasoner", WRONG, RIGHT, RIGHT, WRONG, UNPARSED)
		.model("tiny-reasoner-b", "The answer is 4.", "The answer is 4.")
		.model("tiny-verifier", "The answer is 4.", "The answer is 4.")
		.branches("tiny-reasoner", new Branch("The answer is 5.", 0.7, 0.6, 0.3),
				new Branch("2" + RIGHT.substring(1), 0.2, 0.99, 0.005));

	protected static final FakeOpenAi decode = new FakeOpenAi(toy);

	protected static final FakeOpenAi external = new FakeOpenAi(toy);

	protected static final FakeOpenAi verifier = new FakeOpenAi(WireTestSupport::verify);

	protected static final Path exports = tempDirectory();

	@Autowired
	protected WebTestClient client;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("quorum.ensemble.decode-uri", decode::url);
		registry.add("quorum.ensemble.verifier-uri", verifier::url);
		registry.add("quorum.ensemble.backends[0].id", () -> "ext");
		registry.add("quorum.ensemble.backends[0].base-url", () -> external.url() + "/v1");
		registry.add("quorum.ensemble.backends[0].model", () -> "tiny-reasoner-b");
		registry.add("quorum.ensemble.backends[0].logprobs", () -> "false");
		registry.add("quorum.ensemble.backends[0].weight", () -> "2");
		registry.add("quorum.ensemble.backends[1].id", () -> "down");
		registry.add("quorum.ensemble.backends[1].base-url", () -> "http://127.0.0.1:" + closedPort() + "/v1");
		registry.add("quorum.ensemble.backends[1].model", () -> "tiny-reasoner");
		// failures are provoked on purpose here; circuits are tested on their own
		registry.add("quorum.ensemble.circuit-breaker.minimum-number-of-calls", () -> "1000");
		registry.add("quorum.ensemble.circuit-breaker.sliding-window-size", () -> "1000");
		registry.add("quorum.ensemble.export.directory", exports::toString);
	}

	@AfterEach
	void restoreBackends() {
		decode.answer(toy);
		external.answer(toy);
		verifier.answer(WireTestSupport::verify);
		decode.reset();
		external.reset();
		verifier.reset();
	}

	static Reply verify(FakeOpenAi.Call call) {
		List<Map<String, Object>> scores = new ArrayList<>();
		JsonNode candidates = call.body().path("candidates");
		for (int i = 0; i < candidates.size(); i++) {
			scores.add(Map.of("index", i, "score", candidates.get(i).asString().contains("is 4") ? 0.9 : 0.2));
		}
		return Reply.json(Map.of("scores", scores));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDirectory() {
		try {
			return Files.createTempDirectory("quorum-star-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
