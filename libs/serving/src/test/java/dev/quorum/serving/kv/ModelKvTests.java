// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving.kv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.store.FailurePolicy;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ModelsProperties;
import dev.quorum.serving.ServedModel;
import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real KV from the engine, through real Redis and back, for the fixture model.
 */
class ModelKvTests {

	static final Path FIXTURE = Path.of("..", "engine", "src", "test", "resources", "fixtures", "llama-tied-f32.gguf")
		.toAbsolutePath()
		.normalize();

	static ModelRegistry registry;

	static LettuceConnectionFactory redis;

	@BeforeAll
	static void start() {
		registry = ModelRegistry
			.load(new ModelsProperties(List.of(new ModelsProperties.ModelSpec("fixture", FIXTURE, "auto", "f32", 0)),
					Path.of("."), new ModelsProperties.Engine(1, DataSize.ofMegabytes(8), 32, 256, 8, true)));
		RedisInstance instance = TestRedis.shared();
		redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration(instance.host(), instance.port()));
		redis.afterPropertiesSet();
		redis.start();
	}

	@AfterAll
	static void stop() {
		redis.destroy();
		registry.close();
	}

	@Test
	void chunksWrittenFromTheEngineReadBackAsTheSameKv() {
		// FAIL policy: a Redis problem fails the test with its cause instead of reading
		// as "not stored"
		KvChunks chunks = new KvChunks(registry, redis,
				new KvProperties(Duration.ofMinutes(5), Duration.ofSeconds(10), FailurePolicy.FAIL), null);
		assertThat(chunks.ping().block()).isTrue();
		ModelKv kv = chunks.of("fixture");
		ServedModel model = registry.get("fixture");
		int[] prompt = model.tokenizer()
			.encode("Q: Tom has 427 shells. He gives away 188. How many are left?\nA:\n", true, false);
		List<ChunkRef> refs = kv.chunks(prompt);
		assertThat(refs).hasSize((prompt.length - 1) / 32);
		PrefillResult computed = model.engine().prefill(PrefillRequest.of(prompt)).join();
		assertThat(kv.write(refs, computed.kv()).block()).isEqualTo(refs.size());
		assertThat(kv.storedPrefix(refs).block()).isEqualTo(refs.size());
		KvSlice read = kv.read(refs).block();
		assertThat(read).isNotNull();
		assertThat(read.start()).isZero();
		assertThat(read.tokens()).containsExactly(java.util.Arrays.copyOf(prompt, refs.size() * 32));
		for (int l = 0; l < read.layers(); l++) {
			assertThat(read.keys()[l])
				.containsExactly(java.util.Arrays.copyOf(computed.kv().keys()[l], read.keys()[l].length));
			assertThat(read.values()[l])
				.containsExactly(java.util.Arrays.copyOf(computed.kv().values()[l], read.values()[l].length));
		}
	}

}
