// SPDX-License-Identifier: Apache-2.0
package dev.quorum.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lints and renders helm/quorum with the real Helm engine (helm-java, offline) and checks
 * what a cluster operator relies on.
 */
class HelmChartTests {

	static final Path CHART = Path.of("..", "helm", "quorum").toAbsolutePath().normalize();

	static final List<String> COMPONENTS = List.of("gateway", "prefill", "decode", "verifier", "ensemble");

	static final String SHA = "ae9a4bb8b08b4bee3853dbf1295f2b07758da3280477141bdef5865a69fb4955";

	@Test
	void lintsCleanInStrictMode() {
		LintResult result = new Helm(CHART).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@Test
	void rendersADeploymentAndANamedServicePerComponentPlusRedis() {
		Manifests m = render(Map.of());
		for (String component : COMPONENTS) {
			assertThat(m.one("Deployment", component)).isNotNull();
			JsonNode ports = m.one("Service", component).path("spec").path("ports");
			assertThat(Manifests.list(ports))
				.allSatisfy((port) -> assertThat(port.path("name").asString()).isEqualTo("http"));
		}
		assertThat(m.one("Deployment", "redis")).isNotNull();
		assertThat(m.one("Service", "redis").path("spec").path("ports").get(0).path("name").asString())
			.isEqualTo("tcp-redis");
		assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
		assertThat(m.ofKind("PodDisruptionBudget")).isEmpty();
		assertThat(m.ofKind("ServiceMonitor")).isEmpty();
		assertThat(m.ofKind("NetworkPolicy")).isEmpty();
	}

	@Test
	void everyDeploymentHasProbesLimitsAndRunsNonRootWithAReadOnlyRoot() {
		for (JsonNode deployment : render(Map.of()).ofKind("Deployment")) {
			String name = deployment.path("metadata").path("name").asString();
			JsonNode pod = deployment.path("spec").path("template").path("spec");
			assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
			for (JsonNode container : Manifests.list(pod.path("containers"))) {
				assertThat(container.has("livenessProbe")).as(name + " liveness").isTrue();
				assertThat(container.has("readinessProbe")).as(name + " readiness").isTrue();
				assertThat(container.path("resources").path("limits").path("memory").isMissingNode())
					.as(name + " limits")
					.isFalse();
				assertThat(container.path("resources").path("limits").path("cpu").isMissingNode()).as(name).isFalse();
				JsonNode security = container.path("securityContext");
				assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
				assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
				assertThat(Manifests.list(security.path("capabilities").path("drop")).toString()).contains("ALL");
			}
		}
	}

	@Test
	void serviceProbesUseTheActuatorGroupsOnTheNamedPort() {
		JsonNode container = render(Map.of()).one("Deployment", "decode")
			.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0);
		assertThat(container.path("livenessProbe").path("httpGet").path("path").asString())
			.isEqualTo("/actuator/health/liveness");
		assertThat(container.path("readinessProbe").path("httpGet").path("path").asString())
			.isEqualTo("/actuator/health/readiness");
		assertThat(container.path("readinessProbe").path("httpGet").path("port").asString()).isEqualTo("http");
		assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8081);
	}

	@Test
	void labelsFollowTheKubernetesConventions() {
		for (JsonNode doc : render(Map.of("auth.keys[0].id", "a", "auth.keys[0].sha256", SHA)).all()) {
			JsonNode labels = doc.path("metadata").path("labels");
			assertThat(labels.path("app.kubernetes.io/name").asString()).as(doc.toString()).isEqualTo("quorum");
			assertThat(labels.path("app.kubernetes.io/instance").asString()).isEqualTo("q");
			assertThat(labels.path("app.kubernetes.io/managed-by").asString()).isEqualTo("Helm");
			assertThat(labels.has("app.kubernetes.io/version")).isTrue();
		}
	}

	@Test
	void servicesReachEachOtherAndRedisByServiceName() {
		Manifests m = render(Map.of());
		Map<String, String> gateway = env(m.one("Deployment", "gateway"));
		assertThat(gateway).containsEntry("QUORUM_GATEWAY_ROUTES_DECODE_URI", "http://q-quorum-decode:8081")
			.containsEntry("QUORUM_GATEWAY_ROUTES_ENSEMBLE_URI", "http://q-quorum-ensemble:8084")
			.containsEntry("SPRING_DATA_REDIS_URL", "redis://q-quorum-redis:6379");
		assertThat(env(m.one("Deployment", "decode"))).containsEntry("QUORUM_DECODE_PREFILL_URI",
				"http://q-quorum-prefill:8082");
		Manifests external = render(Map.of("redis.url", "redis://cache.example:6379"));
		assertThat(env(external.one("Deployment", "prefill"))).containsEntry("SPRING_DATA_REDIS_URL",
				"redis://cache.example:6379");
		assertThat(external.ofKind("Deployment"))
			.noneMatch((d) -> d.path("metadata").path("name").asString().endsWith("redis"));
	}

	@Test
	void apiKeysReachTheGatewayAsHashesInASecret() {
		Manifests m = render(Map.of("auth.keys[0].id", "team-a", "auth.keys[0].sha256", SHA));
		JsonNode secret = m.ofKind("Secret").get(0);
		assertThat(secret.path("stringData").path("QUORUM_GATEWAY_AUTH_KEYS_0_SHA256").asString()).isEqualTo(SHA);
		assertThat(secret.path("stringData").path("QUORUM_GATEWAY_AUTH_KEYS_0_ID").asString()).isEqualTo("team-a");
		JsonNode container = m.one("Deployment", "gateway")
			.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0);
		assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asString())
			.isEqualTo(secret.path("metadata").path("name").asString());
	}

	@Test
	void optionalObjectsRenderWhenEnabled() {
		Manifests m = render(Map.of("decode.autoscaling.enabled", "true", "decode.podDisruptionBudget.enabled", "true",
				"serviceMonitor.enabled", "true", "networkPolicy.enabled", "true"));
		JsonNode hpa = m.one("HorizontalPodAutoscaler", "decode");
		assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asString()).isEqualTo("q-quorum-decode");
		assertThat(m.one("Deployment", "decode").path("spec").has("replicas")).as("HPA owns replicas").isFalse();
		assertThat(m.one("PodDisruptionBudget", "decode").path("spec").path("minAvailable").asInt()).isEqualTo(1);
		assertThat(m.ofKind("ServiceMonitor")).hasSize(5)
			.allSatisfy((sm) -> assertThat(sm.path("spec").path("endpoints").get(0).path("port").asString())
				.isEqualTo("http"));
		assertThat(m.ofKind("NetworkPolicy")).hasSize(6);
	}

	@Test
	void schemaRejectsBadValues() {
		assertThatThrownBy(() -> render(Map.of("decode.replicaCount", "two"))).hasMessageContaining("replicaCount");
		assertThatThrownBy(() -> render(Map.of("auth.keys[0].id", "a", "auth.keys[0].sha256", "plain-key")))
			.hasMessageContaining("sha256");
		assertThatThrownBy(() -> render(Map.of("auth.mode", "anything"))).hasMessageContaining("mode");
	}

	static Manifests render(Map<String, String> values) {
		TemplateCommand template = new Helm(CHART).template().withName("q").withKubeVersion("1.31.0");
		values.forEach(template::set);
		return Manifests.parse(template.call());
	}

	static Map<String, String> env(JsonNode deployment) {
		JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
		Map<String, String> env = new java.util.LinkedHashMap<>();
		for (JsonNode entry : Manifests.list(container.path("env"))) {
			env.put(entry.path("name").asString(), entry.path("value").asString());
		}
		return env;
	}

}
