// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quorum.bench.accuracy.AccuracyCommand;
import dev.quorum.bench.cli.Args;
import dev.quorum.bench.engine.EngineCommand;
import dev.quorum.bench.kv.KvCommand;
import dev.quorum.bench.scenario.ScenarioCommand;
import dev.quorum.bench.serve.ServeCommand;

/**
 * Entry point of {@code java -jar quorum-bench.jar}. The engine's kernels need the
 * incubating Vector API module, which a jar manifest cannot add: when it is missing this
 * class starts the same JVM again with the flags the platform runs with (so
 * {@code java -jar} just works), before any kernel class is loaded.
 */
public final class Main {

	static final String USAGE = """
			usage: java -jar quorum-bench.jar <command> [options]

			""" + EngineCommand.USAGE + KvCommand.USAGE + ServeCommand.USAGE + ScenarioCommand.USAGE
			+ AccuracyCommand.USAGE + """
					  jmh [JMH options]
					      the kernel microbenchmarks (F32 and Q8_0 dot and matmul), e.g. jmh -f 1 -wi 3 -i 5 Dot
					""";

	private Main() {
	}

	/**
	 * Runs a command.
	 * @param args the command line
	 * @throws Exception when the relaunch fails
	 */
	public static void main(String[] args) throws Exception {
		if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
			System.exit(relaunch(args));
		}
		if (args.length > 0 && args[0].equals("jmh")) {
			org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, out, err));
	}

	/**
	 * Runs a command with the given streams.
	 * @param args the command line
	 * @param out standard output
	 * @param err standard error
	 * @return the exit status: 0 ok, 1 failure, 2 usage error
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			out.print(USAGE);
			return (args.length == 0) ? 2 : 0;
		}
		List<String> rest = List.of(args).subList(1, args.length);
		try {
			return switch (args[0]) {
				case "engine" -> EngineCommand.run(rest, out);
				case "kv" -> KvCommand.run(rest, out);
				case "serve" -> ServeCommand.run(rest, out);
				case "scenario" -> ScenarioCommand.run(rest, out);
				case "accuracy" -> AccuracyCommand.run(rest, out);
				default -> {
					err.println("unknown command '" + args[0] + "'");
					err.print(USAGE);
					yield 2;
				}
			};
		}
		catch (Args.UsageException ex) {
			err.println(ex.getMessage());
			err.print(USAGE);
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("error: " + ex);
			return 1;
		}
	}

	private static int relaunch(String[] args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("--add-modules");
		command.add("jdk.incubator.vector");
		command.add("--enable-native-access=ALL-UNNAMED");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(Arrays.asList(args));
		return new ProcessBuilder(command).inheritIO().start().waitFor();
	}

}
