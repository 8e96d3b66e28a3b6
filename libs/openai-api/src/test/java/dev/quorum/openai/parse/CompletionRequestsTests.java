// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.List;
import java.util.function.Function;

import dev.quorum.openai.completions.CompletionBranching;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.quorum.openai.parse.ParseAssertions.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of text completion parsing that differ from chat: prompt shapes, integer
 * logprobs, echo, suffix, best_of.
 */
class CompletionRequestsTests {

	private static final RequestLimits LIMITS = RequestLimits.of(8, 512);

	private static final Function<JsonNode, ?> PARSER = (tree) -> CompletionRequests.parse(tree, LIMITS);

	private static CreateCompletionRequest parse(String fields) {
		return CompletionRequests.parse(tree("{'model':'m'," + fields + "}"), LIMITS);
	}

	private static AbstractStringAssert<?> rejects(String fields, String param) {
		return ParseAssertions.rejects(PARSER, "{'model':'m'," + fields + "}", param);
	}

	@Test
	void promptTakesOpenAisFourShapes() {
		assertThat(parse("'prompt':'2+2='").prompt()).isEqualTo(CompletionPrompt.of("2+2="));
		assertThat(parse("'prompt':['a','b']").prompt()).isEqualTo(CompletionPrompt.ofTexts(List.of("a", "b")));
		CreateCompletionRequest tokens = parse("'prompt':[1,2,3],'max_tokens':5,'logprobs':5,'temperature':0");
		assertThat(tokens.prompt()).isEqualTo(CompletionPrompt.ofTokens(1, 2, 3));
		assertThat(tokens.prompt().tokenized()).isTrue();
		assertThat(tokens.logprobs()).isEqualTo(5);
		assertThat(tokens.maxTokens()).isEqualTo(5);
		assertThat(parse("'prompt':[[1],[2,3]]").prompt())
			.isEqualTo(CompletionPrompt.ofTokenBatch(List.of(new int[] { 1 }, new int[] { 2, 3 })));
	}

	@Test
	void promptIsRequiredAndWellFormed() {
		ParseAssertions.rejects(PARSER, "{'model':'m'}", "prompt").isEqualTo("Missing required parameter: 'prompt'.");
		rejects("'prompt':[]", "prompt").contains("empty array");
		rejects("'prompt':[[]]", "prompt[0]").contains("must not be empty");
		rejects("'prompt':['a',1]", "prompt[1]").contains("expected a string");
		rejects("'prompt':[[1],2]", "prompt[1]").contains("expected an array of token ids");
		rejects("'prompt':[1,-2]", "prompt[1]").contains("at least 0");
		rejects("'prompt':[1,2.5]", "prompt[1]").contains("expected a token id");
		rejects("'prompt':[1,4294967296]", "prompt[1]").contains("at least 0");
		rejects("'prompt':{'text':'a'}", "prompt").contains("expected a string, an array of strings");
		rejects("'prompt':[true]", "prompt[0]").contains("expected a string, a token id");
	}

	@Test
	void logprobsIsAnIntegerUpToFive() {
		assertThat(parse("'prompt':'x','logprobs':0").logprobs()).isZero();
		rejects("'prompt':'x','logprobs':6", "logprobs").contains("between 0 and 5");
		rejects("'prompt':'x','logprobs':true", "logprobs").contains("expected an integer");
	}

	@Test
	void quorumBranchingIsAcceptedOnlyWhereAllowedAndChecked() {
		Function<JsonNode, ?> decode = (tree) -> CompletionRequests.parse(tree, LIMITS.withBranching());
		CreateCompletionRequest branched = CompletionRequests.parse(
				tree("{'model':'m','prompt':[1,2],'logprobs':2,'quorum_branching':{'k':3,'min_probability':0.01}}"),
				LIMITS.withBranching());
		assertThat(branched.branching()).isEqualTo(CompletionBranching.of(3, 0.01));
		rejects("'prompt':'x','quorum_branching':{'k':3}", "quorum_branching").contains("decode-service only");
		ParseAssertions.rejects(decode, "{'model':'m','prompt':'x','quorum_branching':{'k':0}}", "quorum_branching.k")
			.contains("between 1 and 64");
		ParseAssertions
			.rejects(decode, "{'model':'m','prompt':'x','quorum_branching':{'k':2,'min_probability':2}}",
					"quorum_branching.min_probability")
			.contains("[0, 1]");
		ParseAssertions.rejects(decode, "{'model':'m','prompt':'x','quorum_branching':{'k':2,'top':1}}",
				"quorum_branching.top");
		ParseAssertions.rejects(decode, "{'model':'m','prompt':'x','n':2,'quorum_branching':{'k':2}}", "n");
	}

	@Test
	void echoIsAcceptedOnlyWhenFalse() {
		assertThat(parse("'prompt':'x','echo':false").model()).isEqualTo("m");
		rejects("'prompt':'x','echo':true", "echo").contains("is not supported");
	}

	@Test
	void suffixIsAcceptedOnlyWhenEmpty() {
		assertThat(parse("'prompt':'x','suffix':null").model()).isEqualTo("m");
		assertThat(parse("'prompt':'x','suffix':''").model()).isEqualTo("m");
		rejects("'prompt':'x','suffix':'end'", "suffix").contains("is not supported");
	}

	@Test
	void bestOfMustEqualN() {
		assertThat(parse("'prompt':'x','best_of':1").n()).isNull();
		assertThat(parse("'prompt':'x','n':3,'best_of':3").n()).isEqualTo(3);
		rejects("'prompt':'x','best_of':2", "best_of").contains("is not supported");
		rejects("'prompt':'x','n':3,'best_of':2", "best_of").contains("greater than or equal to 'n'");
	}

	@Test
	void sharedRulesApply() {
		rejects("'prompt':'x','n':9", "n").contains("between 1 and 8");
		rejects("'prompt':'x','max_tokens':513", "max_tokens").contains("between 1 and 512");
		rejects("'prompt':'x','stream_options':{'include_usage':true}", "stream_options");
		assertThat(
				parse("'prompt':'x','stream':true,'stream_options':{'include_usage':true},'stop':'\\n'").streamOptions()
					.wantsUsage())
			.isTrue();
	}

	@Test
	void chatOnlyAndUnknownFieldsAreUnrecognized() {
		rejects("'prompt':'x','top_logprobs':2", "top_logprobs")
			.isEqualTo("Unrecognized request argument supplied: top_logprobs");
		rejects("'prompt':'x','messages':[]", "messages").contains("Unrecognized");
		rejects("'prompt':'x','quorum':{}", "quorum").contains("Unrecognized");
	}

}
