// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.openai.CompletionUsage;
import dev.quorum.reasoning.verify.VerifierScore;
import dev.quorum.reasoning.verify.YesNoScore;
import dev.quorum.verifier.score.CandidateScore;
import dev.quorum.verifier.score.Rationale;
import dev.quorum.verifier.score.Verification;

/**
 * The body of a {@code POST /v1/verify} answer (object {@code verification}).
 *
 * @param object always {@code verification}
 * @param model the verifier model; absent for the reference method
 * @param method {@code genrm}, {@code genrm-cot} or {@code reference}
 * @param scores one per candidate, in request order
 * @param usage tokens the verifier model processed (zeros for the reference method)
 */
@JsonInclude(Include.NON_NULL)
record VerifyResponse(@JsonProperty("object") String object, @JsonProperty("model") String model,
		@JsonProperty("method") String method, @JsonProperty("scores") List<Score> scores,
		@JsonProperty("usage") CompletionUsage usage) {

	static VerifyResponse of(Verification verification) {
		return new VerifyResponse("verification", verification.model(), verification.method().wireName(),
				verification.scores().stream().map(Score::of).toList(), verification.usage().toWire());
	}

	/** The {@code signal} of a usable score. */
	static final String OK = "ok";

	/** The {@code signal} of a score without one (it then reads 0). */
	static final String NO_SIGNAL = "no_signal";

	static String signalName(boolean signal) {
		return signal ? OK : NO_SIGNAL;
	}

	/**
	 * One candidate's score.
	 *
	 * @param index the candidate's position
	 * @param score in [0, 1]; 0 with {@code signal: no_signal}
	 * @param pYes the "Yes" probability mass found (GenRM-CoT: mean over rationales);
	 * absent for the reference method and when the backend returned no logprobs
	 * @param pNo the "No" probability mass found, likewise
	 * @param answer the final answer given or extracted; absent when none was found
	 * @param correct equivalence with {@code reference}; absent without one
	 * @param signal {@code ok} or {@code no_signal}
	 * @param rationales GenRM-CoT only: each rationale and its verdict
	 */
	@JsonInclude(Include.NON_NULL)
	record Score(@JsonProperty("index") int index, @JsonProperty("score") double score,
			@JsonProperty("p_yes") Double pYes, @JsonProperty("p_no") Double pNo, @JsonProperty("answer") String answer,
			@JsonProperty("correct") Boolean correct, @JsonProperty("signal") String signal,
			@JsonProperty("rationales") List<RationaleScore> rationales) {

		static Score of(CandidateScore s) {
			YesNoScore yesNo = s.yesNo();
			VerifierScore score = s.score();
			return new Score(s.index(), score.score(), (yesNo != null) ? yesNo.pYes() : null,
					(yesNo != null) ? yesNo.pNo() : null, s.answer(), s.correct(), signalName(score.signal()),
					(s.rationales() != null) ? s.rationales().stream().map(RationaleScore::of).toList() : null);
		}

	}

	/**
	 * One GenRM-CoT rationale.
	 *
	 * @param text the rationale the verifier wrote
	 * @param score its verdict {@code p(Yes)/(p(Yes)+p(No))}; 0 without a signal
	 * @param pYes the "Yes" mass after it; absent without logprobs
	 * @param pNo the "No" mass after it; absent without logprobs
	 * @param signal {@code ok} or {@code no_signal}
	 */
	@JsonInclude(Include.NON_NULL)
	record RationaleScore(@JsonProperty("text") String text, @JsonProperty("score") double score,
			@JsonProperty("p_yes") Double pYes, @JsonProperty("p_no") Double pNo,
			@JsonProperty("signal") String signal) {

		static RationaleScore of(Rationale r) {
			YesNoScore yesNo = r.verdict().yesNo();
			VerifierScore score = r.verdict().score();
			return new RationaleScore(r.text(), score.score(), (yesNo != null) ? yesNo.pYes() : null,
					(yesNo != null) ? yesNo.pNo() : null, signalName(score.signal()));
		}

	}

}
