// SPDX-License-Identifier: Apache-2.0
package dev.quorum.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates docker-compose.yml with Debian's {@code docker-compose config} (no Docker
 * engine needed) and checks the start-up order, health checks and hardening; checks the
 * Dockerfile's runtime stage.
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final List<String> SERVICES = List.of("gateway", "prefill", "decode", "verifier", "ensemble");

	static final String SHA = "ae9a4bb8b08b4bee3853dbf1295f2b07758da3280477141bdef5865a69fb4955";

	@Test
	void composeFileIsValidAndEveryServiceWaitsForHealthyDependencies() throws Exception {
		Result result = config(Map.of("QUORUM_API_KEY_SHA256", SHA));
		assertThat(result.exitCode()).as(result.output()).isZero();
		JsonNode services = YAMLMapper.builder().build().readTree(result.output()).path("services");
		JsonNode redis = services.path("redis");
		assertThat(redis.path("command").toString()).contains("allkeys-lru").contains("maxmemory");
		assertThat(redis.path("healthcheck").path("test").toString()).contains("redis-cli");
		for (String name : SERVICES) {
			JsonNode service = services.path(name);
			assertThat(service.path("build").path("args").path("SERVICE").asString()).as(name).isEqualTo(name);
			assertThat(service.path("healthcheck").path("test").toString()).as(name)
				.contains("/actuator/health/readiness");
			assertThat(service.path("read_only").asBoolean()).as(name).isTrue();
			assertThat(service.path("cap_drop").toString()).as(name).contains("ALL");
			assertThat(service.path("deploy").path("resources").path("limits").has("memory")).as(name).isTrue();
			JsonNode dependsOn = service.path("depends_on");
			assertThat(dependsOn.isEmpty()).as(name + " depends on something").isFalse();
			dependsOn.properties()
				.forEach((entry) -> assertThat(entry.getValue().path("condition").asString())
					.as(name + " -> " + entry.getKey())
					.isEqualTo("service_healthy"));
		}
		assertThat(services.path("gateway").path("environment").path("QUORUM_GATEWAY_AUTH_KEYS_0_SHA256").asString())
			.isEqualTo(SHA);
		assertThat(services.path("gateway").path("ports").toString()).contains("8080");
	}

	@Test
	void composeRefusesToStartWithoutAnApiKeyHash() throws Exception {
		Result result = config(Map.of());
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("QUORUM_API_KEY_SHA256");
	}

	@Test
	void dockerfileRunsAJre25AsAnUnprivilegedUserWithTheCentralJvmFlags() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
		String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(runtime).contains("FROM eclipse-temurin:25-jre").contains("USER 10001");
		assertThat(dockerfile).contains("quorum.jvm.flags").contains("@/app/jvm.args");
		assertThat(dockerfile).contains("FROM eclipse-temurin:25-jdk AS build");
	}

	private static Result config(Map<String, String> env) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f",
				ROOT.resolve("docker-compose.yml").toString(), "config")
			.redirectErrorStream(true);
		builder.environment().remove("QUORUM_API_KEY_SHA256");
		builder.environment().putAll(env);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"docker-compose is not installed; ./scripts/test installs it (apt-get install docker-compose)", ex);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("docker-compose config did not finish");
		}
		return new Result(process.exitValue(), output);
	}

	record Result(int exitCode, String output) {
	}

}
