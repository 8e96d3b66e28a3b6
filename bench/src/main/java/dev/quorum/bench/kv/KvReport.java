// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.kv;

import java.util.List;

import dev.quorum.bench.report.Machine;

/**
 * The result of {@code quorum-bench kv}, as written to JSON. Throughput in GB/s (10^9
 * bytes per second), times in milliseconds, medians over the measured rounds.
 *
 * @param machineAtStart the machine when the run started
 * @param machineAtEnd the machine when it ended
 * @param redis the Redis URL (without credentials)
 * @param rounds measured rounds per figure
 * @param chunksPerBatch chunks per pipelined store batch
 * @param codec encode and decode speed, one thread
 * @param store pipelined SET and GETEX batches
 * @param handoff the hand-off of a prompt's chunks
 */
record KvReport(Machine machineAtStart, Machine machineAtEnd, String redis, int rounds, int chunksPerBatch,
		List<Codec> codec, List<Store> store, List<Handoff> handoff) {

	/**
	 * Codec speed for one shape and dtype.
	 *
	 * @param shape e.g. {@code 6x2x64}
	 * @param dtype f32, f16 or q8
	 * @param blobBytes bytes of one 32-token chunk
	 * @param encodeKvGBps F32 key and value bytes encoded per second
	 * @param decodeKvGBps F32 key and value bytes decoded (and verified) per second
	 */
	record Codec(String shape, String dtype, long blobBytes, double encodeKvGBps, double decodeKvGBps) {
	}

	/**
	 * Store throughput for one shape and dtype.
	 *
	 * @param shape e.g. {@code 6x2x64}
	 * @param dtype f32, f16 or q8
	 * @param batchMB blob megabytes per batch
	 * @param writeGBps blob bytes written per second (concurrent SET EX)
	 * @param readGBps blob bytes read per second (one pipelined GETEX batch)
	 * @param writeMs time per batch write
	 * @param readMs time per batch read
	 */
	record Store(String shape, String dtype, double batchMB, double writeGBps, double readGBps, double writeMs,
			double readMs) {
	}

	/**
	 * Hand-off of one prompt's content-addressed chunks.
	 *
	 * @param shape e.g. {@code 6x2x64}
	 * @param dtype f32, f16 or q8
	 * @param promptTokens prompt length
	 * @param chunks chunks handed off
	 * @param writeMs prefill side: encode and SET every chunk
	 * @param existsMs decode side: one pipelined EXISTS round trip for the stored prefix
	 * @param readMs decode side: pipelined GETEX and verified decode of every chunk
	 * @param handoffMs decode side total: exists plus read
	 */
	record Handoff(String shape, String dtype, int promptTokens, int chunks, double writeMs, double existsMs,
			double readMs, double handoffMs) {
	}

}
