// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a result was measured on, recorded next to every result: cores, memory, CPU model,
 * load average when the run started and ended (other processes slow a shared machine
 * down), JVM.
 *
 * @param cores processors the JVM sees
 * @param memoryGiB physical memory, GiB (0 when unknown)
 * @param cpu CPU model name ("unknown" off Linux)
 * @param loadAverage1m one-minute load average at the time of the snapshot
 * @param java JVM vendor and version
 * @param os operating system and architecture
 */
public record Machine(int cores, double memoryGiB, String cpu, double loadAverage1m, String java, String os) {

	/**
	 * Takes a snapshot now.
	 * @return the machine
	 */
	public static Machine now() {
		return new Machine(Runtime.getRuntime().availableProcessors(), physicalMemoryGiB(), cpuModel(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				System.getProperty("java.vm.vendor") + " " + Runtime.version(),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"));
	}

	/**
	 * One line for the top of a report.
	 * @return the description
	 */
	public String describe() {
		return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB, load average %.2f, %s", this.cores, this.cpu,
				this.memoryGiB, this.loadAverage1m, this.java);
	}

	private static String cpuModel() {
		for (String line : linesOf("/proc/cpuinfo")) {
			if (line.startsWith("model name")) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return "unknown";
	}

	private static double physicalMemoryGiB() {
		for (String line : linesOf("/proc/meminfo")) {
			if (line.startsWith("MemTotal:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0);
			}
		}
		return 0;
	}

	/**
	 * The lines of a text file, or none when it cannot be read.
	 * @param file the file
	 * @return its lines
	 */
	public static List<String> linesOf(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

}
