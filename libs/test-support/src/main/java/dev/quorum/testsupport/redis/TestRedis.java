// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.redis;

import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;

/**
 * The one way tests get a Redis. Uses a {@code redis:7} container when a Docker engine
 * answers, otherwise a {@code redis-server} process on a free loopback port (the binary
 * from {@code REDIS_SERVER_BIN}, else from the {@code PATH}). No test assumes a Redis
 * that someone else started.
 *
 * <pre>{@code
 * &#64;DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 *     RedisInstance redis = TestRedis.shared();
 *     registry.add("spring.data.redis.host", redis::host);
 *     registry.add("spring.data.redis.port", redis::port);
 * }
 * }</pre>
 */
public final class TestRedis {

	private static final Logger log = Logger.getLogger(TestRedis.class.getName());

	private static RedisInstance shared;

	private static Boolean docker;

	private TestRedis() {
	}

	/**
	 * A Redis shared by every test of this JVM, started on first use and stopped when the
	 * JVM exits. Tests must not stop it; use {@link #dedicated()} for outage tests.
	 * @return the shared instance
	 */
	public static synchronized RedisInstance shared() {
		if (shared == null) {
			shared = dedicated();
			RedisInstance instance = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "test-redis-shutdown"));
		}
		return shared;
	}

	/**
	 * A Redis of the caller's own, which the caller may stop and start, and must close.
	 * @return a started instance
	 */
	public static RedisInstance dedicated() {
		if (dockerAvailable()) {
			return new ContainerRedis();
		}
		return new ProcessRedis(ProcessRedis.findBinary());
	}

	private static synchronized boolean dockerAvailable() {
		if (docker == null) {
			boolean found;
			try {
				found = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				found = false;
			}
			docker = found;
			String kind = found ? "Testcontainers (redis:7)" : "local redis-server process";
			log.info(() -> "Test Redis: " + kind);
		}
		return docker;
	}

}
