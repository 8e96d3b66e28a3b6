// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.Map;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.reasoning.strategy.VerifierMethod;
import dev.quorum.verifier.TestSettings;
import dev.quorum.verifier.score.Candidate;
import dev.quorum.verifier.score.VerifyJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules of a {@code /v1/verify} body: defaults, and a 400 naming the field for each
 * way it can be wrong.
 */
class VerifyRequestsTests {

	private final VerifyRequests requests = new VerifyRequests(TestSettings.of(Map.of("limits.max-candidates", "3",
			"limits.max-question-chars", "40", "limits.max-solution-chars", "60", "limits.max-k", "8")));

	private VerifyJob parse(String json) {
		return this.requests.parse(RequestBodies.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private ApiException invalid(String json) {
		ApiException error = catchThrowableOfType(ApiException.class, () -> parse(json));
		assertThat(error).as(json).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		return error;
	}

	@Test
	void appliesTheDefaults() {
		VerifyJob job = parse("{\"question\":\"2+2?\",\"candidates\":[\"The answer is 4.\"]}");
		assertThat(job.method()).isEqualTo(VerifierMethod.GENRM);
		assertThat(job.model()).isEqualTo("tiny-verifier");
		assertThat(job.reference()).isNull();
		assertThat(job.cot()).isNull();
		assertThat(job.candidates()).containsExactly(Candidate.of("The answer is 4."));
	}

	@Test
	void readsCandidateObjectsAndNumbersAsAnswers() {
		VerifyJob job = parse("""
				{"question":"2+2?","method":"reference","reference":4,
				 "candidates":[{"solution":"2+2=4","answer":"4"},{"answer":4.50},"The answer is 5."]}""");
		assertThat(job.reference()).isEqualTo("4");
		assertThat(job.candidates()).containsExactly(new Candidate("2+2=4", "4"), new Candidate("", "4.5"),
				Candidate.of("The answer is 5."));
	}

	@Test
	void genrmCotTakesKTemperatureAndSeedWithConfiguredDefaults() {
		VerifyJob defaults = parse("{\"question\":\"q\",\"candidates\":[\"s\"],\"method\":\"genrm-cot\"}");
		assertThat(defaults.cot().k()).isEqualTo(4);
		assertThat(defaults.cot().temperature()).isEqualTo(0.7);
		assertThat(defaults.cot().seed()).isNull();
		VerifyJob given = parse(
				"{\"question\":\"q\",\"candidates\":[\"s\"],\"method\":\"GENRM-COT\",\"k\":8,\"temperature\":1.2,\"seed\":7}");
		assertThat(given.cot().k()).isEqualTo(8);
		assertThat(given.cot().temperature()).isEqualTo(1.2);
		assertThat(given.cot().seed()).isEqualTo(7L);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no body fields        | {}                                                                    | question
					empty question        | {"question":"  ","candidates":["s"]}                                  | question
					question not a string | {"question":4,"candidates":["s"]}                                     | question
					huge question         | {"question":"12345678901234567890123456789012345678901","candidates":["s"]} | question
					no candidates         | {"question":"q"}                                                      | candidates
					empty candidates      | {"question":"q","candidates":[]}                                      | candidates
					too many candidates   | {"question":"q","candidates":["a","b","c","d"]}                       | candidates
					blank candidate       | {"question":"q","candidates":["a",""]}                                | candidates[1]
					huge candidate        | {"question":"q","candidates":["1234567890123456789012345678901234567890123456789012345678901"]} | candidates[0]
					candidate of a number | {"question":"q","candidates":[42]}                                    | candidates[0]
					object without text   | {"question":"q","candidates":[{"answer":"4"}]}                        | candidates[0].solution
					unknown candidate key | {"question":"q","candidates":[{"solution":"s","score":1}]}            | candidates[0].score
					unknown method        | {"question":"q","candidates":["s"],"method":"majority"}               | method
					reference missing     | {"question":"q","candidates":["s"],"method":"reference"}              | reference
					reference empty       | {"question":"q","candidates":["s"],"reference":"$"}                   | reference
					k without cot         | {"question":"q","candidates":["s"],"k":4}                             | k
					temperature w/o cot   | {"question":"q","candidates":["s"],"temperature":0.5}                 | temperature
					k above the cap       | {"question":"q","candidates":["s"],"method":"genrm-cot","k":9}        | k
					k of zero             | {"question":"q","candidates":["s"],"method":"genrm-cot","k":0}        | k
					temperature too high  | {"question":"q","candidates":["s"],"method":"genrm-cot","temperature":2.5} | temperature
					blank model           | {"question":"q","candidates":["s"],"model":" "}                       | model
					unknown field         | {"question":"q","candidates":["s"],"stream":true}                     | stream
					""")
	void refusesWithTheFieldAtFault(String why, String json, String param) {
		assertThat(invalid(json).param()).isEqualTo(param);
	}

	@Test
	void malformedJsonIsA400() {
		ApiException error = catchThrowableOfType(ApiException.class, () -> parse("{\"question\":"));
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.code()).isEqualTo("invalid_json");
	}

	@Test
	void aBodyThatIsNotAnObjectIsA400() {
		assertThat(invalid("[1,2]").getMessage()).contains("expected an object");
	}

}
