// SPDX-License-Identifier: Apache-2.0
package dev.quorum.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;

/**
 * The platform as {@code ./scripts/quorum up} runs it, started once per test JVM and only
 * as far as tests need it: a real Redis, the services' own jars as processes on free
 * ports, the shipped models, the gateway with an API key. Services start on first use, in
 * dependency order.
 *
 * <p>
 * Besides the five services there is {@code decode-local}: a second decode-service that
 * never calls prefill-service and has a Redis of its own, so it always prefills locally —
 * the reference that disaggregated results are compared with, and an "external"
 * OpenAI-compatible backend for the ensemble.
 */
public final class Platform {

	/** The API key tests send to the gateway. */
	public static final String API_KEY = "sk-e2e-" + Long.toHexString(System.nanoTime());

	private static Platform shared;

	private final Path root;

	private final Path logs;

	private final RedisInstance redis;

	private RedisInstance localRedis;

	private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new HashMap<>();

	private Platform() {
		this.root = Path.of(System.getProperty("quorum.e2e.root", "..")).toAbsolutePath().normalize();
		this.logs = this.root.resolve("e2e-tests/target/e2e-logs");
		try {
			Files.createDirectories(this.logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.redis = TestRedis.dedicated();
		for (String name : new String[] { "gateway", "prefill", "decode", "decode-local", "verifier", "ensemble" }) {
			this.ports.put(name, freePort());
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "e2e-platform-shutdown"));
	}

	/**
	 * The platform of this JVM.
	 * @return the platform (services start on demand)
	 */
	public static synchronized Platform shared() {
		if (shared == null) {
			shared = new Platform();
		}
		return shared;
	}

	/**
	 * A service, started (with what it depends on) if it is not running.
	 * @param name gateway, prefill, decode, decode-local, verifier or ensemble
	 * @return the running service
	 */
	public synchronized ServiceProcess service(String name) {
		for (String dependency : dependencies(name)) {
			service(dependency);
		}
		ServiceProcess process = this.services.computeIfAbsent(name, this::create);
		process.start();
		return process;
	}

	/** The gateway's base URL (starting the whole platform). */
	public String gatewayUrl() {
		service("ensemble");
		return service("gateway").url();
	}

	/** The Redis the services share. */
	public RedisInstance redis() {
		return this.redis;
	}

	/**
	 * The log file of a service (what it printed since this JVM started it).
	 * @param name the service
	 * @return the path
	 */
	public Path log(String name) {
		return this.logs.resolve(name + ".log");
	}

	/** The repository root. */
	public Path root() {
		return this.root;
	}

	private static String[] dependencies(String name) {
		return switch (name) {
			case "decode" -> new String[] { "prefill" };
			case "verifier" -> new String[] { "decode" };
			case "ensemble" -> new String[] { "decode", "verifier" };
			case "gateway" -> new String[] { "decode", "verifier" };
			default -> new String[0];
		};
	}

	private ServiceProcess create(String name) {
		String module = name.equals("decode-local") ? "decode" : name;
		Path jar = this.root.resolve(module + "-service/target/" + module + "-service-"
				+ System.getProperty("quorum.e2e.version", "0.1.0-SNAPSHOT") + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no jar at " + jar + "; build the services first (./mvnw package)");
		}
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_DATA_REDIS_URL", this.redis.url());
		env.put("QUORUM_MODELS_DIR", this.root.resolve("models").toString());
		env.put("QUORUM_ENGINE_KVCACHE", "64MB");
		switch (name) {
			case "decode" -> env.put("QUORUM_DECODE_PREFILL_URI", url("prefill"));
			case "decode-local" -> {
				env.put("QUORUM_DECODE_PREFILL_ENABLED", "false");
				env.put("SPRING_DATA_REDIS_URL", localRedis().url());
			}
			case "verifier" -> env.put("QUORUM_VERIFIER_DECODEURI", url("decode"));
			case "ensemble" -> {
				env.put("QUORUM_ENSEMBLE_DECODEURI", url("decode"));
				env.put("QUORUM_ENSEMBLE_VERIFIERURI", url("verifier"));
				// decode-local as an external OpenAI-compatible backend (started by the
				// tests that use it), and a backend that is down
				env.put("QUORUM_ENSEMBLE_BACKENDS_0_ID", "local-b");
				env.put("QUORUM_ENSEMBLE_BACKENDS_0_BASEURL", url("decode-local") + "/v1");
				env.put("QUORUM_ENSEMBLE_BACKENDS_0_MODEL", "tiny-reasoner-b");
				env.put("QUORUM_ENSEMBLE_BACKENDS_1_ID", "down");
				env.put("QUORUM_ENSEMBLE_BACKENDS_1_BASEURL", "http://127.0.0.1:" + freePort() + "/v1");
				env.put("QUORUM_ENSEMBLE_BACKENDS_1_MODEL", "tiny-reasoner");
			}
			case "gateway" -> {
				env.put("QUORUM_GATEWAY_ROUTES_DECODE_URI", url("decode"));
				env.put("QUORUM_GATEWAY_ROUTES_ENSEMBLE_URI", url("ensemble"));
				env.put("QUORUM_GATEWAY_ROUTES_VERIFIER_URI", url("verifier"));
				env.put("QUORUM_GATEWAY_AUTH_KEYS_0_ID", "e2e");
				env.put("QUORUM_GATEWAY_AUTH_KEYS_0_SHA256", sha256(API_KEY));
				env.put("QUORUM_GATEWAY_AUTH_KEYS_0_RATECLASS", "batch");
			}
			default -> {
			}
		}
		return new ServiceProcess(name, jar, this.ports.get(name), env, this.logs.resolve(name + ".log"));
	}

	private synchronized RedisInstance localRedis() {
		if (this.localRedis == null) {
			this.localRedis = TestRedis.dedicated();
		}
		return this.localRedis;
	}

	private String url(String name) {
		return "http://127.0.0.1:" + this.ports.get(name);
	}

	private synchronized void shutdown() {
		this.services.values().forEach(ServiceProcess::stop);
		this.redis.close();
		if (this.localRedis != null) {
			this.localRedis.close();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
