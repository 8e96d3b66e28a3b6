// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.star;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.Extraction;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.CandidateResult;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.pipeline.Timings;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.verify.ReferenceVerifier;
import dev.quorum.reasoning.vote.Voting;

import static org.assertj.core.api.Assertions.assertThat;

class StarExportTests {

	private static ReasoningResult result(String... texts) {
		List<CandidateResult> candidates = new ArrayList<>();
		for (String text : texts) {
			Extraction e = AnswerExtractor.auto().extract(text);
			candidates.add(new CandidateResult(candidates.size(),
					Candidate.of("tiny-reasoner", text, "stop", 0, 5, Duration.ZERO), e,
					e.parsed() ? Canonicalizer.standard().canonicalize(e.answer()) : null,
					Map.of("verifier", 0.5 + candidates.size() / 10.0)));
		}
		var tally = new Voting(Canonicalizer.standard())
			.plurality(candidates.stream().map(CandidateResult::answer).toList());
		Timings zero = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);
		return new ReasoningResult(null, 0, 0, tally, candidates, List.of(), texts.length, 0, Strategy.SELF_CONSISTENCY,
				null, List.of(), null, zero);
	}

	@Test
	void keepsOnlyDistinctRationalesThatReachTheGoldAnswer() {
		ReasoningResult r = result("3*4=12\nThe answer is 12.", "3*4=13\nThe answer is 13.", "no idea",
				"3*4=12\nThe answer is 12.", "4*3=12\nThe answer is 12.0.");
		List<StarRecord> records = StarExport.accepted("What is 3*4?", r, ReferenceVerifier.of("12"));
		assertThat(records).extracting(StarRecord::rationale)
			.containsExactly("3*4=12\nThe answer is 12.", "4*3=12\nThe answer is 12.0.");
		assertThat(records.getFirst())
			.isEqualTo(new StarRecord("What is 3*4?", "3*4=12\nThe answer is 12.", "12", "tiny-reasoner", 0.5));
		assertThat(records.get(1).answer()).isEqualTo("12");
		assertThat(records.get(1).verifierScore()).isEqualTo(0.9);
	}

}
