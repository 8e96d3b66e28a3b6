// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import dev.quorum.kv.hash.ChunkHasher;
import dev.quorum.kv.hash.KvHashVectors;
import dev.quorum.prefill.PrefillTestSetup;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PrefillControllerTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ModelRegistry models;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PrefillTestSetup.wire(registry, TestRedis.shared());
	}

	@Test
	void computesStoresAndThenReusesTheChunksOfAPrompt() throws Exception {
		int[] tokens = tokens(
				"Q: Evaluate from left to right: 12+7*3-4+19*2. What is it?\nLet's think step by step.\n");
		int chunks = (tokens.length - 1) / 32;
		assertThat(chunks).isGreaterThanOrEqualTo(2);
		PrefillResponseBody first = prefill(tokens);
		assertThat(first.chunks()).hasSize(chunks);
		assertThat(first.computedChunks()).isEqualTo(chunks);
		assertThat(first.reusedChunks()).isZero();
		assertThat(first.modelFingerprint()).isEqualTo(this.models.get("fixture").model().fingerprint());
		// Every listed chunk is in Redis under the key the DESIGN.md hash chain gives,
		// computed
		// here independently of the service's hasher.
		List<String> expected = expectedKeys(this.models.get("fixture"), tokens, chunks);
		for (String key : expected) {
			assertThat(this.redis.hasKey(key).block()).as(key).isTrue();
			assertThat(this.redis.getExpire(key).block().getSeconds()).isBetween(3000L, 3600L);
		}
		assertThat(expected).map((k) -> k.substring(k.lastIndexOf(':') + 1)).containsExactlyElementsOf(first.chunks());
		PrefillResponseBody second = prefill(tokens);
		assertThat(second.chunks()).isEqualTo(first.chunks());
		assertThat(second.reusedChunks()).isEqualTo(chunks);
		assertThat(second.computedChunks()).isZero();
	}

	@Test
	void aLongerPromptSharingAPrefixReusesItsChunks() {
		String head = "Q: Tom has 427 shells. He gives away 188. He trades away 7. He gets 910 more.";
		PrefillResponseBody shortOne = prefill(tokens(head + "\nA:\n"));
		PrefillResponseBody longOne = prefill(
				tokens(head + " Then he has 4 times as many. How many shells now?\nA:\n"));
		int shared = (int) Arrays.stream(shortOne.chunks().toArray()).filter(longOne.chunks()::contains).count();
		assertThat(shared).isPositive();
		assertThat(longOne.reusedChunks()).isGreaterThanOrEqualTo(shared);
		assertThat(longOne.chunks().subList(0, shared)).isEqualTo(shortOne.chunks().subList(0, shared));
	}

	@Test
	void theSharedKnownAnswerVectorsHoldForTheHasherAndForThisTestsOwnHashing() throws Exception {
		assertThat(KvHashVectors.all()).isNotEmpty();
		for (KvHashVectors.Vector v : KvHashVectors.all()) {
			assertThat(new ChunkHasher(v.kvNamespace()).keys(v.tokens())).as(v.name()).isEqualTo(v.keys());
			assertThat(independentKeys(v.namespace(), v.tokens(), v.chunkTokens(), v.chunkCount())).as(v.name())
				.isEqualTo(v.keys());
		}
	}

	@Test
	void badInputGetsOpenAiErrorsNamingTheField() {
		error("{\"model\":\"nope\",\"tokens\":[1,2,3]}", 404, "model");
		error("{\"model\":\"fixture\",\"tokens\":[]}", 400, "tokens");
		error("{\"model\":\"fixture\",\"tokens\":[1,99999]}", 400, "tokens");
		error("{\"model\":\"fixture\",\"tokens\":[1,2],\"chunkTokens\":16}", 400, "chunkTokens");
		error("{\"model\":\"fixture\",\"tokens\":", 400, null);
	}

	private void error(String body, int status, String param) {
		WebTestClient.BodyContentSpec spec = this.client.post()
			.uri("/internal/v1/prefill")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody();
		if (param != null) {
			spec.jsonPath("$.error.param").isEqualTo(param);
		}
		else {
			spec.jsonPath("$.error.type").isEqualTo("invalid_request_error");
		}
	}

	private PrefillResponseBody prefill(int[] tokens) {
		return this.client.post()
			.uri("/internal/v1/prefill")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new PrefillRequestBody("fixture", tokens, 32))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PrefillResponseBody.class)
			.returnResult()
			.getResponseBody();
	}

	private int[] tokens(String prompt) {
		return this.models.get("fixture").tokenizer().encode(prompt, true, false);
	}

	private static List<String> expectedKeys(ServedModel model, int[] tokens, int chunks) throws Exception {
		String namespace = "quorum-kv;model=" + model.model().fingerprint() + ";dtype=f16;layout=1;chunk_tokens=32";
		return independentKeys(namespace, tokens, 32, chunks);
	}

	/**
	 * DESIGN.md, written out here apart from the service's hasher: h_0 =
	 * SHA-256(namespace), h_i = SHA-256(h_{i-1} || u32le(tokens of chunk i)), each
	 * truncated to 128 bits.
	 */
	private static List<String> independentKeys(String namespace, int[] tokens, int chunkTokens, int chunks)
			throws Exception {
		byte[] h = Arrays
			.copyOf(MessageDigest.getInstance("SHA-256").digest(namespace.getBytes(StandardCharsets.US_ASCII)), 16);
		String prefix = "quorum:kv:" + HexFormat.of().formatHex(h) + ":";
		List<String> keys = new java.util.ArrayList<>();
		for (int c = 0; c < chunks; c++) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(h);
			ByteBuffer le = ByteBuffer.allocate(chunkTokens * 4).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < chunkTokens; i++) {
				le.putInt(tokens[c * chunkTokens + i]);
			}
			sha.update(le.array());
			h = Arrays.copyOf(sha.digest(), 16);
			keys.add(prefix + HexFormat.of().formatHex(h));
		}
		return keys;
	}

}
