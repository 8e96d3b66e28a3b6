// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode;

import java.nio.file.Path;

import dev.quorum.testsupport.redis.RedisInstance;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Test wiring: the engine's fixture model (259-token byte vocabulary, quorum-qa template)
 * and a real Redis.
 */
public final class DecodeTestSetup {

	/** A small llama model from the engine's reference fixtures. */
	public static final Path FIXTURE = Path
		.of("..", "libs", "engine", "src", "test", "resources", "fixtures", "llama-tied-f32.gguf")
		.toAbsolutePath()
		.normalize();

	private DecodeTestSetup() {
	}

	public static void wire(DynamicPropertyRegistry registry, RedisInstance redis) {
		registry.add("quorum.models[0].id", () -> "fixture");
		registry.add("quorum.models[0].path", FIXTURE::toString);
		registry.add("quorum.engine.threads", () -> "1");
		registry.add("quorum.engine.kv-cache", () -> "16MB");
		registry.add("spring.data.redis.url", redis::url);
		// No prefill-service in these tests: prompts are prefilled here unless a test
		// says otherwise.
		registry.add("quorum.decode.prefill.enabled", () -> "false");
	}

}
