// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code java -jar quorum-engine.jar}. The kernels need the incubating
 * Vector API module, which a jar manifest cannot add; when it is missing this class
 * starts the same JVM again with {@code --add-modules jdk.incubator.vector} (so
 * {@code java -jar} just works) before any kernel class is loaded.
 */
public final class Main {

	static final String USAGE = """
			usage: java -jar quorum-engine.jar <command> [options]

			  generate --model FILE --prompt TEXT [--max-tokens N] [--temperature T] [--seed S]
			           [--top-p P] [--top-k K] [--min-p P] [--chat] [--threads N] [--no-warmup]
			      streams the generated text, then prompt and generation tokens/s (stderr),
			      measured after a short warm-up generation unless --no-warmup
			  info FILE
			      architecture, sizes, tensor types, vocabulary, chat template
			  tokenize --model FILE --text TEXT [--no-bos] [--special]
			      token ids and the pieces they stand for
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
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			out.print(USAGE);
			return (args.length == 0) ? 2 : 0;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		try {
			return switch (args[0]) {
				case "generate" -> new GenerateCommand(Options.parse(rest), out, err).run();
				case "info" -> InfoCommand.run(Options.parse(rest), out);
				case "tokenize" -> TokenizeCommand.run(Options.parse(rest), out);
				default -> {
					err.println("unknown command '" + args[0] + "'");
					err.print(USAGE);
					yield 2;
				}
			};
		}
		catch (Options.UsageException ex) {
			err.println(ex.getMessage());
			err.print(USAGE);
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("error: " + ex.getMessage());
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
