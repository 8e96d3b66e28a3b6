// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quorum.bench.stats.Summary;

/**
 * The figures of a serving run, named and defined as in vLLM's serving benchmark: request
 * and token throughput over the run's duration, goodput at the SLOs, and TTFT, TPOT, ITL
 * and end-to-end latency statistics over the successful requests (ITL over every gap of
 * every stream).
 *
 * @param completed successful requests
 * @param failed failed requests
 * @param durationS from the first send to the last response, seconds
 * @param inputTokens prompt tokens of the successful requests
 * @param outputTokens generated tokens of the successful requests
 * @param cachedTokens prompt tokens served from prefix caches
 * @param requestThroughput successful requests per second
 * @param outputThroughput generated tokens per second
 * @param totalTokenThroughput prompt and generated tokens per second
 * @param goodput requests per second that met the SLOs
 * @param sloAttainment share of all requests that met the SLOs
 * @param ttftMs time to first token
 * @param tpotMs time per output token after the first
 * @param itlMs inter-token latency
 * @param e2eMs end-to-end latency
 * @param errors the first few distinct errors, with counts
 */
public record ServeMetrics(int completed, int failed, double durationS, long inputTokens, long outputTokens,
		long cachedTokens, double requestThroughput, double outputThroughput, double totalTokenThroughput,
		double goodput, double sloAttainment, Latency ttftMs, Latency tpotMs, Latency itlMs, Latency e2eMs,
		Map<String, Integer> errors) {

	/**
	 * Aggregates a run.
	 * @param outcomes every request of the run
	 * @param durationS the run's duration in seconds
	 * @param slo the objectives
	 * @return the metrics
	 */
	public static ServeMetrics of(List<Outcome> outcomes, double durationS, Slo slo) {
		List<Outcome> ok = outcomes.stream().filter(Outcome::ok).toList();
		long in = ok.stream().mapToLong(Outcome::promptTokens).sum();
		long out = ok.stream().mapToLong(Outcome::completionTokens).sum();
		long cached = ok.stream().mapToLong(Outcome::cachedTokens).sum();
		long good = outcomes.stream().filter(slo::met).count();
		List<Double> itl = new ArrayList<>();
		for (Outcome o : ok) {
			for (double gap : o.itlMs()) {
				itl.add(gap);
			}
		}
		Map<String, Integer> errors = new LinkedHashMap<>();
		for (Outcome o : outcomes) {
			if (!o.ok() && (errors.size() < 5 || errors.containsKey(key(o)))) {
				errors.merge(key(o), 1, Integer::sum);
			}
		}
		double d = (durationS > 0) ? durationS : Double.NaN;
		return new ServeMetrics(ok.size(), outcomes.size() - ok.size(), durationS, in, out, cached, ok.size() / d,
				out / d, (in + out) / d, good / d, outcomes.isEmpty() ? Double.NaN : good / (double) outcomes.size(),
				Latency.of(values(ok, Outcome::ttftMs)), Latency.of(values(ok, Outcome::tpotMs)),
				Latency.of(itl.stream().mapToDouble(Double::doubleValue).toArray()),
				Latency.of(values(ok, Outcome::e2eMs)), errors);
	}

	private static String key(Outcome o) {
		return ((o.status() > 0) ? "HTTP " + o.status() + ": " : "") + o.error();
	}

	/** The non-NaN values of a field. */
	static double[] values(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> field) {
		return outcomes.stream().mapToDouble(field).filter((v) -> !Double.isNaN(v)).toArray();
	}

	/**
	 * Statistics of one latency, ms.
	 *
	 * @param count values
	 * @param mean mean
	 * @param median 50th percentile
	 * @param p90 90th percentile
	 * @param p99 99th percentile
	 * @param max maximum
	 */
	public record Latency(int count, double mean, double median, double p90, double p99, double max) {

		/**
		 * Summarises values.
		 * @param values the values, ms
		 * @return the statistics (NaN when empty)
		 */
		public static Latency of(double[] values) {
			Summary s = Summary.of(values);
			return new Latency(s.count(), s.mean(), s.median(), s.percentile(90), s.percentile(99), s.max());
		}

	}

}
