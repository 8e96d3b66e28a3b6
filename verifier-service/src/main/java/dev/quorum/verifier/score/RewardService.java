// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.reasoning.verify.VerifierScore;
import reactor.core.publisher.Mono;

/**
 * Rewards for RL fine-tuning: a labelled sample is scored by the reference rule (1 when
 * its final answer is equivalent to the label, else 0: the reliable verifier), an
 * unlabelled one by direct GenRM on its question and response. The GenRM samples of a
 * batch go to the backend together.
 */
public final class RewardService {

	private final GenRmScorer genrm;

	private final Answers answers;

	/**
	 * A service.
	 * @param genrm the GenRM scorer
	 * @param answers extraction and equivalence
	 */
	public RewardService(GenRmScorer genrm, Answers answers) {
		this.genrm = genrm;
		this.answers = answers;
	}

	/**
	 * Scores a batch.
	 * @param model the verifier model for unlabelled samples
	 * @param samples the samples
	 * @return one reward per sample, in order, and the tokens spent
	 */
	public Mono<Rewards> rewards(String model, List<RewardSample> samples) {
		RewardScore[] scores = new RewardScore[samples.size()];
		List<Integer> unlabelled = new ArrayList<>();
		List<String> questions = new ArrayList<>();
		List<String> responses = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			RewardSample sample = samples.get(i);
			String answer = this.answers.answer(Candidate.of(sample.response()));
			if (sample.label() != null) {
				boolean correct = this.answers.correct(this.answers.gold(sample.label(), "labels[" + i + "]"), answer);
				scores[i] = new RewardScore(correct ? 1 : 0, true, true, answer != null);
			}
			else {
				unlabelled.add(i);
				questions.add(sample.question());
				responses.add(sample.response());
				scores[i] = new RewardScore(0, false, false, answer != null);
			}
		}
		if (unlabelled.isEmpty()) {
			return Mono.just(new Rewards(List.of(scores), Usage.NONE));
		}
		return this.genrm.direct(model, questions, responses).map((spent) -> {
			for (int j = 0; j < unlabelled.size(); j++) {
				int i = unlabelled.get(j);
				VerifierScore score = spent.value().get(j).score();
				scores[i] = new RewardScore(score.score(), false, score.signal(), scores[i].answerParsed());
			}
			return new Rewards(List.of(scores), spent.usage());
		});
	}

	/**
	 * The rewards of a batch.
	 *
	 * @param scores one per sample, in order
	 * @param usage tokens the verifier model processed
	 */
	public record Rewards(List<RewardScore> scores, Usage usage) {

		/**
		 * Copies the scores.
		 */
		public Rewards {
			scores = List.copyOf(scores);
		}

	}

}
