// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sources of one request share: the request id passed on to the backends, the
 * seed, and CoT-decoding's first-token floor. Sample {@code i} of a model (counted over
 * the whole request, across waves and split batches) is drawn with seed {@code seed + i},
 * as decode-service seeds choice {@code i} of one request: adaptive stopping then draws a
 * prefix of the very samples a full run would.
 */
public final class RequestScope {

	private final String requestId;

	private final Long seed;

	private final double cotFloor;

	private final Map<String, AtomicLong> drawn = new ConcurrentHashMap<>();

	/**
	 * A scope.
	 * @param requestId the client's request id, or null
	 * @param seed the request's seed, or null for unseeded sampling
	 * @param cotFloor CoT-decoding's first-token probability floor
	 */
	public RequestScope(String requestId, Long seed, double cotFloor) {
		this.requestId = requestId;
		this.seed = seed;
		this.cotFloor = cotFloor;
	}

	String requestId() {
		return this.requestId;
	}

	double cotFloor() {
		return this.cotFloor;
	}

	/**
	 * Reserves the next {@code n} sample seeds of a model.
	 * @param model the model
	 * @param n samples about to be drawn
	 * @return the first seed, or null when the request is unseeded
	 */
	Long reserveSeeds(String model, int n) {
		long first = this.drawn.computeIfAbsent(model, (m) -> new AtomicLong()).getAndAdd(n);
		return (this.seed != null) ? this.seed + first : null;
	}

}
