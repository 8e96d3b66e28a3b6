// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The KV transfer meters, named after vLLM's {@code kv_transfer_*} family under
 * {@code quorum.kv} (Prometheus: {@code quorum_kv_transfer_seconds},
 * {@code quorum_kv_transfer_bytes_total}, {@code quorum_kv_transfer_failures_total},
 * {@code quorum_kv_redis_value_size_bytes}). Without a registry every meter is a no-op.
 */
final class KvTransferMetrics {

	/** Timer per store call (one batch of keys), tags {@code op}, {@code outcome}. */
	static final String TRANSFER_SECONDS = "quorum.kv.transfer.seconds";

	/** Counter of value bytes moved, tag {@code direction} = read | write. */
	static final String TRANSFER_BYTES = "quorum.kv.transfer.bytes";

	/** Counter of failures, tags {@code op} and {@code reason}. */
	static final String TRANSFER_FAILURES = "quorum.kv.transfer.failures";

	/** Distribution of chunk value sizes, tag {@code op} = get | set. */
	static final String VALUE_SIZE = "quorum.kv.redis.value.size";

	/** Store operations, as tag values. */
	enum Op {

		EXISTS, GET, SET, DEL;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final MeterRegistry registry;

	KvTransferMetrics(MeterRegistry registry) {
		this.registry = (registry != null) ? registry : new CompositeMeterRegistry();
	}

	void call(Op op, String outcome, long nanos) {
		Timer.builder(TRANSFER_SECONDS)
			.description("Time of one KV store call (a pipelined batch of keys)")
			.tags("op", op.tag(), "outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(this.registry)
			.record(Duration.ofNanos(nanos));
	}

	void bytes(Op op, long bytes) {
		String direction = (op == Op.SET) ? "write" : "read";
		Counter.builder(TRANSFER_BYTES)
			.description("KV chunk bytes moved to or from Redis")
			.baseUnit("bytes")
			.tags("direction", direction)
			.register(this.registry)
			.increment(bytes);
	}

	void valueSize(Op op, int bytes) {
		DistributionSummary.builder(VALUE_SIZE)
			.description("Size of KV chunk values read from or written to Redis")
			.baseUnit("bytes")
			.tags("op", op.tag())
			.register(this.registry)
			.record(bytes);
	}

	void failure(Op op, String reason) {
		Counter.builder(TRANSFER_FAILURES)
			.description("KV store calls that failed or timed out, and chunks that failed verification")
			.tags("op", op.tag(), "reason", reason)
			.register(this.registry)
			.increment();
	}

}
