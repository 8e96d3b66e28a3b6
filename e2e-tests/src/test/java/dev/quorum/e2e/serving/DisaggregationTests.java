// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quorum.e2e.Http;
import dev.quorum.e2e.Platform;
import dev.quorum.e2e.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prefill/decode disaggregation on the real platform: prompts long enough for
 * prefill-service (decode's default threshold is 256 uncached tokens) are computed there,
 * handed over through Redis, and must give exactly the tokens of a decode-service that
 * prefills locally ({@code decode-local}, its own Redis, no prefill-service). Then the
 * faults: decode restarted, prefill-service killed, Redis stopped.
 */
class DisaggregationTests {

	static Platform platform;

	static List<String> questions;

	@BeforeAll
	static void start() throws Exception {
		platform = Platform.shared();
		platform.service("decode");
		platform.service("decode-local");
		JsonMapper json = JsonMapper.builder().build();
		questions = Files.readAllLines(platform.root().resolve(Path.of("models", "data", "dev.jsonl")))
			.stream()
			.map((line) -> json.readTree(line).path("question").asString())
			.toList();
	}

	/** About 300-400 byte tokens: several problems, then one to answer. */
	static String longPrompt(int offset) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			text.append("Q: ").append(questions.get(offset + i)).append("\nAnswer directly.\n");
		}
		return text.append("Q: ").append(questions.get(offset + 4)).append("\nLet's think step by step.\n").toString();
	}

	static JsonNode complete(ServiceProcess decode, String prompt) {
		Http.Response response = Http.post(decode.url() + "/v1/completions", null,
				Map.of("model", "tiny-reasoner", "prompt", prompt, "max_tokens", 48, "temperature", 0));
		assertThat(response.status()).as(response.response().body()).isEqualTo(200);
		return response.body();
	}

	static String text(JsonNode completion) {
		return completion.path("choices").get(0).path("text").asString();
	}

	static int cached(JsonNode completion) {
		return completion.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt();
	}

	@Test
	void prefillThroughRedisGivesExactlyTheTokensOfALocalPrefill() {
		ServiceProcess decode = platform.service("decode");
		ServiceProcess prefill = platform.service("prefill");
		double prefillsBefore = Http.metric(prefill.url(), "quorum_prefill_request_duration_seconds_count", "");
		String prompt = longPrompt(0);
		JsonNode disaggregated = complete(decode, prompt);
		JsonNode local = complete(platform.service("decode-local"), prompt);
		assertThat(disaggregated.path("usage").path("prompt_tokens").asInt()).isGreaterThan(256);
		assertThat(text(disaggregated)).isNotEmpty().isEqualTo(text(local));
		assertThat(Http.metric(prefill.url(), "quorum_prefill_request_duration_seconds_count", ""))
			.isGreaterThan(prefillsBefore);
		int chunks = (disaggregated.path("usage").path("prompt_tokens").asInt() - 1) / 32;
		assertThat(Http.countKeys(platform.redis(), "quorum:kv:*")).isGreaterThanOrEqualTo(chunks);
		assertThat(cached(disaggregated)).as("imported from Redis").isEqualTo(chunks * 32);
		JsonNode again = complete(decode, prompt);
		assertThat(text(again)).isEqualTo(text(local));
		assertThat(cached(again)).isEqualTo(chunks * 32);
	}

	@Test
	void aPromptExtendingALocallyCachedPrefixReadsOnlyTheChunksAfterItFromRedis() {
		ServiceProcess decode = platform.service("decode");
		String full = longPrompt(50);
		String head = full.substring(0, 160); // 161 byte tokens with BOS: prefilled by
												// decode itself
		complete(decode, head);
		String expected = text(complete(platform.service("decode-local"), full));
		double readsBefore = Http.metric(decode.url(), "quorum_kv_redis_value_size_bytes_count", "op=\"get\"");
		JsonNode extended = complete(decode, full);
		int chunks = (extended.path("usage").path("prompt_tokens").asInt() - 1) / 32;
		assertThat(chunks).as("long enough for prefill-service after the local head").isGreaterThanOrEqualTo(5 + 8);
		assertThat(text(extended)).isEqualTo(expected);
		assertThat(cached(extended)).isEqualTo(chunks * 32);
		assertThat(Http.metric(decode.url(), "quorum_kv_redis_value_size_bytes_count", "op=\"get\"") - readsBefore)
			.as("chunks read from Redis: those after the 5 held locally")
			.isEqualTo(chunks - 5);
	}

	@Test
	void afterDecodeRestartsThePrefixComesBackFromRedis() {
		ServiceProcess decode = platform.service("decode");
		String prompt = longPrompt(10);
		String expected = text(complete(platform.service("decode-local"), prompt));
		assertThat(text(complete(decode, prompt))).isEqualTo(expected);
		decode.kill();
		decode.start();
		double before = Http.metric(decode.url(), "quorum_decode_prefix_cache_hits_tokens_total", "source=\"redis\"");
		JsonNode afterRestart = complete(decode, prompt);
		assertThat(text(afterRestart)).isEqualTo(expected);
		assertThat(cached(afterRestart)).isPositive();
		assertThat(Http.metric(decode.url(), "quorum_decode_prefix_cache_hits_tokens_total", "source=\"redis\""))
			.isGreaterThan(before);
	}

	@Test
	void whenPrefillServiceIsKilledDecodePrefillsLocallyAndAnswersTheSame() {
		ServiceProcess prefill = platform.service("prefill");
		String prompt = longPrompt(20);
		String expected = text(complete(platform.service("decode-local"), prompt));
		prefill.kill();
		try {
			JsonNode degraded = complete(platform.service("decode"), prompt);
			assertThat(text(degraded)).isEqualTo(expected);
		}
		finally {
			prefill.start();
		}
	}

	@Test
	void whenRedisStopsRequestsStillSucceedAndLeakNoSequences() {
		ServiceProcess decode = platform.service("decode");
		String prompt = longPrompt(30);
		String expected = text(complete(platform.service("decode-local"), prompt));
		platform.redis().stop();
		try {
			assertThat(text(complete(decode, prompt))).isEqualTo(expected);
		}
		finally {
			platform.redis().start();
		}
		assertThat(Http.metric(decode.url(), "quorum_engine_num_requests_running", "")).isZero();
		assertThat(text(complete(decode, prompt))).isEqualTo(expected);
	}

}
