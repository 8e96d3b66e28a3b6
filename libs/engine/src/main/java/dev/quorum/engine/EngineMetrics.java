// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

/**
 * A snapshot of an engine's state and counters.
 *
 * @param totalBlocks KV blocks in the pool
 * @param freeBlocks KV blocks no sequence holds
 * @param waitingSequences sequences waiting for admission
 * @param runningSequences sequences being computed
 * @param steps forward steps run
 * @param promptTokens prompt tokens computed (cached ones excluded)
 * @param generatedTokens tokens sampled
 * @param preemptions sequences preempted to free blocks
 * @param forwardNanos time spent in forward passes
 */
public record EngineMetrics(int totalBlocks, int freeBlocks, int waitingSequences, int runningSequences, long steps,
		long promptTokens, long generatedTokens, long preemptions, long forwardNanos) {

	/**
	 * KV blocks held by sequences.
	 * @return used blocks
	 */
	public int usedBlocks() {
		return this.totalBlocks - this.freeBlocks;
	}

}
