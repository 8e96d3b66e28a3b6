// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.vote;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.canon.Canonicalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class VotingTests {

	private final Canonicalizer canon = Canonicalizer.standard();

	private final Voting voting = new Voting(this.canon);

	private List<CanonicalAnswer> answers(String... raw) {
		return Arrays.stream(raw).map((r) -> (r != null) ? this.canon.canonicalize(r) : null).toList();
	}

	@Test
	void pluralityTieGoesToTheEarliestFirstOccurrence() {
		VoteTally tally = this.voting.plurality(answers("7", "5", "5", "7", null, "9"));
		assertThat(tally.leader().answer().key()).isEqualTo("7");
		assertThat(tally.leader().members()).containsExactly(0, 3);
		assertThat(tally.entries()).extracting((e) -> e.answer().key()).containsExactly("7", "5", "9");
		assertThat(tally.parsed()).isEqualTo(5);
		assertThat(tally.unparsed()).isEqualTo(1);
		assertThat(tally.agreement()).isEqualTo(2.0 / 5);
		assertThat(tally.counts()).containsExactly(2, 2, 1);
	}

	@Test
	void equivalentFormsShareOneGroupShownInTheFirstForm() {
		VoteTally tally = this.voting.plurality(answers("9", "1,000", "1000", "1e3", "$1000.00"));
		assertThat(tally.leader().answer().key()).isEqualTo("1000");
		assertThat(tally.leader().count()).isEqualTo(4);
		assertThat(tally.leader().firstIndex()).isEqualTo(1);
	}

	@Test
	void weightedVoteSumsWeightsThenCountsThenEarliest() {
		VoteTally heavy = this.voting.weighted(answers("5", "7", "7"), new double[] { 0.9, 0.4, 0.4 });
		assertThat(heavy.leader().answer().key()).isEqualTo("5");
		assertThat(heavy.share()).isCloseTo(0.9 / 1.7, within(1e-12));
		assertThat(heavy.agreement()).isCloseTo(1.0 / 3, within(1e-12));
		VoteTally tiedWeight = this.voting.weighted(answers("5", "7", "7"), new double[] { 1.0, 0.5, 0.5 });
		assertThat(tiedWeight.leader().answer().key()).isEqualTo("7");
		VoteTally tiedAll = this.voting.weighted(answers("5", "7"), new double[] { 0.5, 0.5 });
		assertThat(tiedAll.leader().answer().key()).isEqualTo("5");
	}

	@Test
	void bestOfNTakesTheHighestParsedScoreAndTheEarliestAmongEquals() {
		Selection pick = this.voting.bestOfN(answers("5", "7", "8", null), new double[] { 0.5, 0.9, 0.9, 1.0 });
		assertThat(pick.index()).isEqualTo(1);
		assertThat(pick.answer().key()).isEqualTo("7");
		assertThat(pick.score()).isEqualTo(0.9);
		assertThat(this.voting.bestOfN(answers(null, null), new double[] { 1, 1 })).isNull();
	}

	@Test
	void emptyOrUnparsedVotesHaveNoLeader() {
		VoteTally tally = this.voting.plurality(answers(null, null));
		assertThat(tally.leader()).isNull();
		assertThat(tally.agreement()).isZero();
		assertThat(tally.share()).isZero();
	}

	@Test
	void badWeightsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.voting.weighted(answers("5", "7"), new double[] { 1.0 }))
			.withMessageContaining("one weight per answer");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.voting.weighted(answers("5"), new double[] { -1.0 }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.voting.weighted(answers("5"), new double[] { Double.NaN }));
	}

}
