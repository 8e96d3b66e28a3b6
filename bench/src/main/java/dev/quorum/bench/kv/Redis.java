// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.kv;

import java.net.URI;
import java.time.Duration;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection factory for a {@code redis://} URL, as the services configure one
 * (one shared connection, so pipelining is Lettuce's), with a long command timeout: big
 * batches must not time out in a benchmark.
 */
final class Redis {

	private Redis() {
	}

	/**
	 * Connects.
	 * @param url {@code redis://[user:password@]host:port[/db]}
	 * @return a started factory; destroy it when done
	 */
	static LettuceConnectionFactory connect(String url) {
		RedisConfiguration configuration = LettuceConnectionFactory.createRedisConfiguration(url);
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(60))
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration, client);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * The URL without credentials, for reports.
	 * @param url the URL
	 * @return scheme, host, port and path
	 */
	static String redacted(String url) {
		try {
			URI u = URI.create(url);
			return u.getScheme() + "://" + u.getHost() + ((u.getPort() > 0) ? ":" + u.getPort() : "")
					+ ((u.getPath() != null) ? u.getPath() : "");
		}
		catch (IllegalArgumentException ex) {
			return "(unparsable URL)";
		}
	}

}
