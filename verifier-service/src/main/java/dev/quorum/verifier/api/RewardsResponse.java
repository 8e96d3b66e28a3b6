// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.verifier.score.RewardScore;
import dev.quorum.verifier.score.RewardService;

/**
 * The body of a {@code POST /v1/rewards} answer, as OpenRLHF's remote reward model
 * returns it: {@code rewards} (used for advantages), {@code scores} (in [0, 1], used for
 * dynamic filtering; here the same values) and {@code extra_logs} (per-sample numeric
 * lists, logged by the trainer).
 *
 * @param rewards one reward per query
 * @param scores one score in [0, 1] per query
 * @param extraLogs {@code reference} (1 when the label decided), {@code no_signal} (1
 * when GenRM found neither Yes nor No), {@code answer_parsed} (1 when a final answer was
 * found in the response)
 */
record RewardsResponse(@JsonProperty("rewards") List<Double> rewards, @JsonProperty("scores") List<Double> scores,
		@JsonProperty("extra_logs") Map<String, List<Double>> extraLogs) {

	static RewardsResponse of(RewardService.Rewards rewards) {
		List<RewardScore> s = rewards.scores();
		List<Double> values = column(s, RewardScore::reward);
		Map<String, List<Double>> logs = new LinkedHashMap<>();
		logs.put("reference", column(s, (r) -> r.byReference() ? 1 : 0));
		logs.put("no_signal", column(s, (r) -> r.signal() ? 0 : 1));
		logs.put("answer_parsed", column(s, (r) -> r.answerParsed() ? 1 : 0));
		return new RewardsResponse(values, values, logs);
	}

	private static List<Double> column(List<RewardScore> scores, ToDoubleFunction<RewardScore> value) {
		return scores.stream().map((r) -> value.applyAsDouble(r)).toList();
	}

}
