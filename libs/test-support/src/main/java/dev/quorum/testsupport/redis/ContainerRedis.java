// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.redis;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code redis:7} container. Stop and start pause and unpause it, so the mapped port
 * stays the same while the server refuses to answer.
 */
final class ContainerRedis implements RedisInstance {

	private final GenericContainer<?> container;

	private boolean paused;

	@SuppressWarnings("resource")
	ContainerRedis() {
		this.container = new GenericContainer<>(DockerImageName.parse("redis:7"))
			.withCommand("redis-server", "--save", "", "--appendonly", "no", "--maxmemory", "256mb",
					"--maxmemory-policy", "allkeys-lru")
			.withExposedPorts(6379);
		this.container.start();
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(6379);
	}

	@Override
	public synchronized boolean isRunning() {
		return this.container.isRunning() && !this.paused;
	}

	@Override
	public synchronized void stop() {
		if (!this.paused) {
			this.container.getDockerClient().pauseContainerCmd(this.container.getContainerId()).exec();
			this.paused = true;
		}
	}

	@Override
	public synchronized void start() {
		if (this.paused) {
			this.container.getDockerClient().unpauseContainerCmd(this.container.getContainerId()).exec();
			this.paused = false;
		}
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
