// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.Map;

/**
 * What one request did, measured at the client. Times in milliseconds from the moment the
 * request was sent.
 *
 * @param ok whether it completed with HTTP 200 and no error frame
 * @param status the HTTP status (0 when no response arrived)
 * @param error what went wrong, or null
 * @param sentAtMs when it was sent, from the start of the run
 * @param ttftMs time to the first content token (streaming; NaN otherwise)
 * @param e2eMs time to the end of the response
 * @param itlMs gaps between successive content chunks (streaming)
 * @param promptTokens prompt tokens (usage)
 * @param completionTokens generated tokens over all choices (usage)
 * @param cachedTokens prompt tokens served from a prefix cache
 * ({@code prompt_tokens_details.cached_tokens}), 0 when not reported
 * @param serverTiming the {@code Server-Timing} durations by name, ms (non-streamed
 * responses of decode-service)
 */
public record Outcome(boolean ok, int status, String error, double sentAtMs, double ttftMs, double e2eMs,
		double[] itlMs, int promptTokens, int completionTokens, int cachedTokens, Map<String, Double> serverTiming) {

	/**
	 * A failed request.
	 * @param status HTTP status or 0
	 * @param error what went wrong
	 * @param sentAtMs when it was sent
	 * @param e2eMs when it failed
	 * @return the outcome
	 */
	public static Outcome failed(int status, String error, double sentAtMs, double e2eMs) {
		return new Outcome(false, status, error, sentAtMs, Double.NaN, e2eMs, new double[0], 0, 0, 0, Map.of());
	}

	/**
	 * Time per output token after the first: {@code (e2e - ttft) / (tokens - 1)}, as vLLM
	 * defines TPOT.
	 * @return ms per token, NaN with fewer than two tokens or without a TTFT
	 */
	public double tpotMs() {
		if (this.completionTokens < 2 || Double.isNaN(this.ttftMs)) {
			return Double.NaN;
		}
		return (this.e2eMs - this.ttftMs) / (this.completionTokens - 1);
	}

	/**
	 * A {@code Server-Timing} duration.
	 * @param name e.g. {@code transfer}, {@code prefill}
	 * @return ms, NaN when absent
	 */
	public double timing(String name) {
		Double v = this.serverTiming.get(name);
		return (v != null) ? v : Double.NaN;
	}

}
