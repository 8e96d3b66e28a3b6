// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.reasoning.verify.GenRm;
import dev.quorum.reasoning.verify.VerifierScore;
import dev.quorum.reasoning.verify.YesNoScore;
import reactor.core.publisher.Mono;

/**
 * Scores the candidates of one request with its method: {@code genrm} (one verdict per
 * candidate), {@code genrm-cot} (the mean verdict over K rationales, library rule
 * {@link GenRm#average}) or {@code reference} (1 when the final answer is equivalent to
 * the gold answer, else 0). With a reference, GenRM scores also say whether each answer
 * is correct. Holds no per-request state.
 */
public final class VerificationService {

	private final GenRmScorer genrm;

	private final Answers answers;

	/**
	 * A service.
	 * @param genrm the GenRM scorer
	 * @param answers extraction and equivalence
	 */
	public VerificationService(GenRmScorer genrm, Answers answers) {
		this.genrm = genrm;
		this.answers = answers;
	}

	/**
	 * Verifies the candidates of a request.
	 * @param job the checked request
	 * @return the scores, in candidate order
	 */
	public Mono<Verification> verify(VerifyJob job) {
		List<String> answers = job.candidates().stream().map(this.answers::answer).toList();
		CanonicalAnswer gold = (job.reference() != null) ? this.answers.gold(job.reference(), "reference") : null;
		List<Boolean> correct = answers.stream()
			.map((answer) -> (gold != null) ? this.answers.correct(gold, answer) : null)
			.toList();
		List<String> solutions = job.candidates().stream().map(Candidate::solution).toList();
		return switch (job.method()) {
			case REFERENCE -> Mono.just(new Verification(job.method(), null, reference(answers, correct), Usage.NONE));
			case GENRM ->
				this.genrm.direct(job.model(), Collections.nCopies(solutions.size(), job.question()), solutions)
					.map((spent) -> new Verification(job.method(), job.model(), direct(spent.value(), answers, correct),
							spent.usage()));
			case GENRM_COT -> this.genrm.cot(job.model(), job.question(), solutions, job.cot())
				.map((spent) -> new Verification(job.method(), job.model(), cot(spent.value(), answers, correct),
						spent.usage()));
		};
	}

	private static List<CandidateScore> reference(List<String> answers, List<Boolean> correct) {
		List<CandidateScore> scores = new ArrayList<>(answers.size());
		for (int i = 0; i < answers.size(); i++) {
			VerifierScore score = VerifierScore.of(correct.get(i) ? 1 : 0);
			scores.add(new CandidateScore(i, score, null, answers.get(i), correct.get(i), null));
		}
		return scores;
	}

	private static List<CandidateScore> direct(List<Verdict> verdicts, List<String> answers, List<Boolean> correct) {
		List<CandidateScore> scores = new ArrayList<>(verdicts.size());
		for (int i = 0; i < verdicts.size(); i++) {
			Verdict verdict = verdicts.get(i);
			scores.add(new CandidateScore(i, verdict.score(), verdict.yesNo(), answers.get(i), correct.get(i), null));
		}
		return scores;
	}

	private static List<CandidateScore> cot(List<List<Rationale>> rationales, List<String> answers,
			List<Boolean> correct) {
		List<CandidateScore> scores = new ArrayList<>(rationales.size());
		for (int i = 0; i < rationales.size(); i++) {
			List<Rationale> mine = rationales.get(i);
			List<YesNoScore> read = mine.stream()
				.map((r) -> r.verdict().yesNo())
				.filter(java.util.Objects::nonNull)
				.toList();
			YesNoScore mean = read.isEmpty() ? null
					: new YesNoScore(read.stream().mapToDouble(YesNoScore::pYes).average().orElseThrow(),
							read.stream().mapToDouble(YesNoScore::pNo).average().orElseThrow());
			scores.add(new CandidateScore(i, GenRm.average(read), mean, answers.get(i), correct.get(i), mine));
		}
		return scores;
	}

}
