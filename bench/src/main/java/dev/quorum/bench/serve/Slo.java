// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

/**
 * Service-level objectives for goodput (DistServe; vLLM's {@code --goodput}): a request
 * counts when it succeeded and met every objective that is set.
 *
 * @param ttftMs most time to first token, ms (NaN: not set)
 * @param tpotMs most time per output token, ms (NaN: not set)
 * @param e2eMs most end-to-end latency, ms (NaN: not set)
 */
public record Slo(double ttftMs, double tpotMs, double e2eMs) {

	/** No objectives: goodput equals request throughput. */
	public static final Slo NONE = new Slo(Double.NaN, Double.NaN, Double.NaN);

	/**
	 * Whether a request met the objectives.
	 * @param o the request
	 * @return true when it succeeded and met every objective set
	 */
	public boolean met(Outcome o) {
		if (!o.ok()) {
			return false;
		}
		return within(o.ttftMs(), this.ttftMs) && within(o.tpotMs(), this.tpotMs) && within(o.e2eMs(), this.e2eMs);
	}

	/**
	 * Whether any objective is set.
	 * @return true when goodput differs from throughput
	 */
	public boolean any() {
		return !Double.isNaN(this.ttftMs) || !Double.isNaN(this.tpotMs) || !Double.isNaN(this.e2eMs);
	}

	/**
	 * The objectives that are set, e.g. {@code TTFT <= 1000 ms, TPOT <= 100 ms}.
	 * @return the description, or "none"
	 */
	public String describe() {
		java.util.List<String> parts = new java.util.ArrayList<>();
		if (!Double.isNaN(this.ttftMs)) {
			parts.add("TTFT <= " + dev.quorum.bench.report.Table.number(this.ttftMs) + " ms");
		}
		if (!Double.isNaN(this.tpotMs)) {
			parts.add("TPOT <= " + dev.quorum.bench.report.Table.number(this.tpotMs) + " ms");
		}
		if (!Double.isNaN(this.e2eMs)) {
			parts.add("E2E <= " + dev.quorum.bench.report.Table.number(this.e2eMs) + " ms");
		}
		return parts.isEmpty() ? "none" : String.join(", ", parts);
	}

	private static boolean within(double value, double limit) {
		// a request with one token has no TPOT; it cannot miss a TPOT objective
		return Double.isNaN(limit) || Double.isNaN(value) || value <= limit;
	}

}
