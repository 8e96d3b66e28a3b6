// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.function.Function;

import dev.quorum.openai.tokenize.TokenizeRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.quorum.openai.parse.ParseAssertions.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of tokenize parsing.
 */
class TokenizeRequestsTests {

	private static final Function<JsonNode, ?> PARSER = TokenizeRequests::parse;

	@Test
	void readsAPrompt() {
		TokenizeRequest request = TokenizeRequests
			.parse(tree("{'model':'m','prompt':'2+2=','add_special_tokens':false}"));
		assertThat(request.prompt()).isEqualTo("2+2=");
		assertThat(request.specialTokens()).isFalse();
	}

	@Test
	void readsMessagesWithTheChatRules() {
		TokenizeRequest request = TokenizeRequests.parse(
				tree("{'model':'m','messages':[{'role':'user','content':'hi'}]," + "'add_generation_prompt':false}"));
		assertThat(request.messages()).hasSize(1);
		assertThat(request.generationPrompt()).isFalse();
		ParseAssertions.rejects(PARSER, "{'model':'m','messages':[{'role':'tool','content':'x'}]}", "messages[0].role")
			.contains("is not supported");
	}

	@Test
	void exactlyOneOfPromptAndMessages() {
		ParseAssertions.rejects(PARSER, "{'model':'m'}", "prompt").contains("exactly one of 'prompt' and 'messages'");
		ParseAssertions
			.rejects(PARSER, "{'model':'m','prompt':'x','messages':[{'role':'user','content':'y'}]}", "messages")
			.contains("exactly one");
	}

	@Test
	void generationPromptOnlyWithMessages() {
		ParseAssertions
			.rejects(PARSER, "{'model':'m','prompt':'x','add_generation_prompt':true}", "add_generation_prompt")
			.contains("applies only to 'messages'");
	}

	@Test
	void modelIsRequiredAndUnknownFieldsAreNamed() {
		ParseAssertions.rejects(PARSER, "{'prompt':'x'}", "model").isEqualTo("Missing required parameter: 'model'.");
		ParseAssertions.rejects(PARSER, "{'model':'m','prompt':'x','return_token_strs':true}", "return_token_strs")
			.isEqualTo("Unrecognized request argument supplied: return_token_strs");
	}

}
