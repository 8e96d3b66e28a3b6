// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.verifier.TestSettings;
import dev.quorum.verifier.score.RewardSample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of OpenRLHF's reward body.
 */
class RewardsRequestsTests {

	private final RewardsRequests requests = new RewardsRequests(
			TestSettings.of(Map.of("limits.max-reward-samples", "2")));

	private List<RewardSample> parse(String json) {
		return this.requests.parse(RequestBodies.readTree(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void labelledSamplesKeepTheirLabelAndUnlabelledOnesTheirQuestion() {
		List<RewardSample> samples = parse("""
				{"query":["Q: 2+2\\nA:\\nThe answer is 4.</s>","Q: 3+3\\nA:\\nThe answer is 7."],
				 "prompts":["Q: 2+2\\nA:\\n","Q: 3+3\\nA:\\n"],"labels":[4,null]}""");
		assertThat(samples).containsExactly(new RewardSample(null, "The answer is 4.", "4"),
				new RewardSample("3+3", "The answer is 7.", null));
	}

	@Test
	void withoutPromptsTheQueryIsTheResponse() {
		assertThat(parse("{\"query\":[\"The answer is 4.\"],\"labels\":[\"4\"]}"))
			.containsExactly(new RewardSample(null, "The answer is 4.", "4"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no query              | {}                                                                  | query
			empty query           | {"query":[]}                                                        | query
			too many samples      | {"query":["a","b","c"],"labels":["1","2","3"]}                       | query
			query of a number     | {"query":[1],"labels":["1"]}                                        | query[0]
			prompts too short     | {"query":["a","b"],"prompts":["a"],"labels":["1","2"]}               | prompts
			labels too long       | {"query":["a"],"labels":["1","2"]}                                   | labels
			prompt not a prefix   | {"query":["Q: 1\\nA:\\n2"],"prompts":["Q: 2\\nA:\\n"],"labels":["2"]} | query[0]
			no label, no prompt   | {"query":["The answer is 2."]}                                       | prompts
			label without answer  | {"query":["x"],"labels":["%"]}                                       | labels[0]
			label of a list       | {"query":["x"],"labels":[[1]]}                                       | labels[0]
			unknown field         | {"query":["x"],"labels":["1"],"model":"m"}                           | model
			""")
	void refusesWithTheFieldAtFault(String why, String json, String param) {
		ApiException error = catchThrowableOfType(ApiException.class, () -> parse(json));
		assertThat(error).as(json).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.param()).isEqualTo(param);
	}

}
