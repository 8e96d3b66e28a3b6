// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestRedisTests {

	@Test
	void sharedInstanceAnswersAndIsReused() throws IOException {
		RedisInstance redis = TestRedis.shared();
		assertThat(redis.isRunning()).isTrue();
		assertThat(command(redis, "PING")).isEqualTo("+PONG");
		assertThat(TestRedis.shared()).isSameAs(redis);
		assertThat(redis.url()).isEqualTo("redis://" + redis.host() + ":" + redis.port());
	}

	@Test
	void runsWithProductionMemoryPolicyAndNoPersistence() throws IOException {
		RedisInstance redis = TestRedis.shared();
		assertThat(command(redis, "CONFIG GET maxmemory-policy")).contains("allkeys-lru");
		assertThat(command(redis, "CONFIG GET appendonly")).contains("no");
	}

	@Test
	void dedicatedInstanceCanBeStoppedAndStartedOnTheSameAddress() throws IOException {
		try (RedisInstance redis = TestRedis.dedicated()) {
			int port = redis.port();
			assertThat(command(redis, "SET k v")).isEqualTo("+OK");
			redis.stop();
			assertThat(redis.isRunning()).isFalse();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> command(redis, "PING"));
			redis.start();
			assertThat(redis.port()).isEqualTo(port);
			assertThat(command(redis, "PING")).isEqualTo("+PONG");
		}
	}

	/**
	 * Sends one inline command and returns the reply as text (first line, or whole bulk).
	 */
	private static String command(RedisInstance redis, String inline) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(redis.host(), redis.port()), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[512];
			int n = in.read(buffer);
			if (n < 0) {
				throw new IOException("connection closed");
			}
			return new String(buffer, 0, n, StandardCharsets.US_ASCII).strip();
		}
	}

}
