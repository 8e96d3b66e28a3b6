// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import dev.quorum.bench.report.Machine;

/**
 * Memory of this process: peak and current resident set (Linux {@code VmHWM} and
 * {@code VmRSS}: includes the mapped model pages that were touched and the off-heap KV
 * cache), and the peak of the Java heap pools since {@link #resetPeaks()}.
 */
final class MemoryProbe {

	private MemoryProbe() {
	}

	/** Starts the heap peak over (the resident peak cannot be reset). */
	static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	/**
	 * Sum of the heap pools' peak usage, MiB.
	 * @return the peak heap
	 */
	static double heapPeakMiB() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return bytes / (1024.0 * 1024.0);
	}

	/**
	 * Peak resident set size, MiB (NaN off Linux).
	 * @return {@code VmHWM}
	 */
	static double peakRssMiB() {
		return status("VmHWM:");
	}

	/**
	 * Resident set size now, MiB (NaN off Linux).
	 * @return {@code VmRSS}
	 */
	static double rssMiB() {
		return status("VmRSS:");
	}

	private static double status(String key) {
		for (String line : Machine.linesOf("/proc/self/status")) {
			if (line.startsWith(key)) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

}
