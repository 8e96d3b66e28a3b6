// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.engine;

import java.util.Map;

import dev.quorum.bench.report.Machine;
import dev.quorum.bench.stats.Summary;

/**
 * The result of {@code quorum-bench engine}, as written to JSON. Speeds in tokens/s,
 * memory in MiB.
 *
 * @param machineAtStart the machine when the run started
 * @param machineAtEnd the machine when it ended (load average)
 * @param model the model's name
 * @param file the GGUF file
 * @param weightType the type holding most parameters
 * @param parameters parameter count
 * @param threads compute threads
 * @param repeats measured runs per figure (after warm-up)
 * @param generatedTokens tokens each stream generates
 * @param prompt128 128-token prompt processing
 * @param prompt512 512-token prompt processing
 * @param aggregate aggregate generation by batch size ("1" is single-stream)
 * @param memory memory figures
 * @param comparison the llama.cpp anchor and targets, or null for another model
 */
record EngineReport(Machine machineAtStart, Machine machineAtEnd, String model, String file, String weightType,
		long parameters, int threads, int repeats, int generatedTokens, Measure prompt128, Measure prompt512,
		Map<String, Measure> aggregate, Memory memory, Comparison comparison) {

	/**
	 * One figure over the repeats.
	 *
	 * @param median the reported value
	 * @param min slowest run
	 * @param max fastest run
	 * @param runs every run, in order
	 */
	record Measure(double median, double min, double max, double[] runs) {

		static Measure of(double[] runs) {
			Summary s = Summary.of(runs);
			return new Measure(s.median(), s.min(), s.max(), runs);
		}

	}

	/**
	 * Memory at the end of the run.
	 *
	 * @param peakRssMiB peak resident set (mapped weights, KV cache, heap, JVM)
	 * @param rssMiB resident set at the end
	 * @param heapPeakMiB peak of the Java heap pools after loading
	 * @param kvCacheMiB the KV cache reserved off-heap (part of the resident set)
	 * @param modelFileMiB size of the GGUF file (mapped, not copied)
	 */
	record Memory(double peakRssMiB, double rssMiB, double heapPeakMiB, double kvCacheMiB, double modelFileMiB) {
	}

	/**
	 * Against llama.cpp with the same shape, type and thread count.
	 *
	 * @param anchor the anchor's name
	 * @param anchorPrompt128 llama.cpp 128-token prompt tokens/s
	 * @param anchorGeneration llama.cpp generation tokens/s
	 * @param promptRatio ours / llama.cpp at 128 tokens (target 0.5)
	 * @param generationRatio ours / llama.cpp single-stream (target 0.9)
	 * @param batch16OverSingle aggregate at batch 16 / single-stream (target 4)
	 */
	record Comparison(String anchor, double anchorPrompt128, double anchorGeneration, double promptRatio,
			double generationRatio, double batch16OverSingle) {
	}

}
