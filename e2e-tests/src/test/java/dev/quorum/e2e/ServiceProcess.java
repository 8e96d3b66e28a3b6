// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service jar running as its own process, as {@code ./scripts/quorum} runs it: the
 * JVM flags of the root pom, environment-variable configuration, a log file. It can be
 * stopped (killed, for fault tests) and started again on the same port.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final int port;

	private final Map<String, String> env;

	private final Path log;

	private Process process;

	ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.env = env;
		this.log = log;
	}

	/** The service's name. */
	public String name() {
		return this.name;
	}

	/** Its base URL. */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Its port. */
	public int port() {
		return this.port;
	}

	/** Whether the process is alive. */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts it (if not running) and waits until its readiness probe says UP. */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(System.getProperty("quorum.e2e.jvm-flags", "").trim().split("\\s+")));
		command.add("-Xmx512m");
		command.add("-XX:+UseSerialGC");
		command.add("-jar");
		command.add(this.jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.env);
		builder.environment().put("SERVER_PORT", Integer.toString(this.port));
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + this.name, ex);
		}
		awaitReady(Duration.ofSeconds(180));
	}

	/** Kills the process (SIGKILL: no graceful shutdown), as a crash would. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor();
		}
	}

	/** Stops the process gracefully. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			waitFor();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void waitFor() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	private void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		URI probe = URI.create(url() + "/actuator/health/readiness");
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited during start (exit " + this.process.exitValue() + "); see " + this.log);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(this.name + " did not become ready in " + timeout + "; see " + this.log);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
