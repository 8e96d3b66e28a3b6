// SPDX-License-Identifier: Apache-2.0
package dev.quorum.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two commands: valid shell, usage text, CI calls exactly the test command, and the
 * JVM flags the scripts pass come from the pom.
 */
class ScriptsTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void scriptsAreValidBash() throws Exception {
		for (String script : new String[] { "scripts/quorum", "scripts/test", "scripts/lib/common.sh", ".ci/run" }) {
			assertThat(run("bash", "-n", ROOT.resolve(script).toString())).as(script).isEmpty();
		}
	}

	@Test
	void quorumExplainsItsCommands() throws Exception {
		assertThat(run(ROOT.resolve("scripts/quorum").toString(), "help")).contains("up [service...]")
			.contains("down")
			.contains("status")
			.contains("logs")
			.contains("REDIS_URL");
	}

	@Test
	void ciRunsTheReadmeTestCommandAndNothingElse() throws IOException {
		String ci = Files.readString(ROOT.resolve(".ci/run"));
		assertThat(ci.lines().filter((l) -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("set ")).toList())
			.containsExactly("cd \"$(dirname \"$0\")/..\"", "exec ./scripts/test");
		assertThat(Files.readString(ROOT.resolve("README.md"))).contains("./scripts/quorum up")
			.contains("./scripts/test");
	}

	@Test
	void jvmFlagsComeFromThePom() throws Exception {
		String flags = run("bash", "-c", ". " + ROOT.resolve("scripts/lib/common.sh") + " && jvm_flags");
		assertThat(flags.strip()).contains("--add-modules jdk.incubator.vector")
			.contains("--enable-native-access=ALL-UNNAMED");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return output;
	}

}
