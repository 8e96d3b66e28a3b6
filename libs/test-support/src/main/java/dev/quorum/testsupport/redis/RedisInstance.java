// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.redis;

/**
 * A running Redis that a test can reach, and stop and start again on the same address to
 * simulate an outage.
 */
public interface RedisInstance extends AutoCloseable {

	/** Host to connect to. */
	String host();

	/** Port to connect to; stays the same across {@link #stop()} and {@link #start()}. */
	int port();

	/** {@code redis://host:port}. */
	default String url() {
		return "redis://" + host() + ":" + port();
	}

	/** Whether the server is accepting connections now. */
	boolean isRunning();

	/**
	 * Makes the server unreachable until {@link #start()}: a process is stopped
	 * (connections are refused, data is lost), a container is paused (connections hang).
	 */
	void stop();

	/**
	 * Starts the server again on the same address and waits until it accepts connections.
	 */
	void start();

	/** Stops the server for good. */
	@Override
	void close();

}
