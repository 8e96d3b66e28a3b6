// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.function.Function;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.chat.ChatRole;
import dev.quorum.openai.chat.CreateChatCompletionRequest;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.quorum.openai.parse.ParseAssertions.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every rule of chat request parsing, one test each.
 */
class ChatCompletionRequestsTests {

	private static final RequestLimits DECODE = RequestLimits.of(16, 1024);

	private static final String BASE = "'model':'tiny-reasoner','messages':[{'role':'user','content':'2+2?'}]";

	private static CreateChatCompletionRequest parse(String extra) {
		return ChatCompletionRequests.parse(tree(body(extra)), DECODE);
	}

	private static String body(String extra) {
		return "{" + BASE + (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	private static AbstractStringAssert<?> rejects(String extra, String param) {
		return ParseAssertions.rejects(parser(DECODE), body(extra), param);
	}

	private static Function<JsonNode, ?> parser(RequestLimits limits) {
		return (tree) -> ChatCompletionRequests.parse(tree, limits);
	}

	@Test
	void minimalRequestLeavesEverythingElseUnset() {
		CreateChatCompletionRequest request = parse("");
		assertThat(request.model()).isEqualTo("tiny-reasoner");
		assertThat(request.messages()).singleElement().satisfies((message) -> {
			assertThat(message.role()).isEqualTo(ChatRole.USER);
			assertThat(message.text()).isEqualTo("2+2?");
		});
		assertThat(request).isEqualTo(CreateChatCompletionRequest.of("tiny-reasoner", request.messages()));
	}

	@Test
	void everySupportedFieldIsRead() {
		CreateChatCompletionRequest request = parse("'max_completion_tokens':64,'temperature':0.7,'top_p':0.9,'n':4,"
				+ "'stream':true,'stream_options':{'include_usage':true},'stop':['\\n\\n','Q:'],'seed':7,"
				+ "'logprobs':true,'top_logprobs':5,'top_k':40,'min_p':0.05");
		assertThat(request.maxTokensLimit()).isEqualTo(64);
		assertThat(request.temperature()).isEqualTo(0.7);
		assertThat(request.topP()).isEqualTo(0.9);
		assertThat(request.n()).isEqualTo(4);
		assertThat(request.streaming()).isTrue();
		assertThat(request.streamOptions().wantsUsage()).isTrue();
		assertThat(request.stop()).containsExactly("\n\n", "Q:");
		assertThat(request.seed()).isEqualTo(7L);
		assertThat(request.logprobs()).isTrue();
		assertThat(request.topLogprobs()).isEqualTo(5);
		assertThat(request.topK()).isEqualTo(40);
		assertThat(request.minP()).isEqualTo(0.05);
	}

	@Test
	void unknownTopLevelFieldIsNamed() {
		rejects("'temprature':0.5", "temprature").isEqualTo("Unrecognized request argument supplied: temprature");
	}

	@Test
	void bodyMustBeAnObject() {
		ApiException error = catchThrowableOfType(ApiException.class,
				() -> ChatCompletionRequests.parse(tree("[1]"), DECODE));
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.param()).isNull();
		assertThat(error.getMessage()).contains("must be a JSON object");
	}

	@Test
	void modelIsRequiredAndNonBlank() {
		ParseAssertions.rejects(parser(DECODE), "{'messages':[{'role':'user','content':'x'}]}", "model")
			.isEqualTo("Missing required parameter: 'model'.");
		ParseAssertions.rejects(parser(DECODE), "{'model':' ','messages':[{'role':'user','content':'x'}]}", "model")
			.contains("non-empty");
		ParseAssertions.rejects(parser(DECODE), "{'model':7,'messages':[{'role':'user','content':'x'}]}", "model")
			.isEqualTo("Invalid type for 'model': expected a string, but got an integer instead.");
	}

	@Test
	void messagesAreRequiredAndNonEmpty() {
		ParseAssertions.rejects(parser(DECODE), "{'model':'m'}", "messages")
			.isEqualTo("Missing required parameter: 'messages'.");
		ParseAssertions.rejects(parser(DECODE), "{'model':'m','messages':[]}", "messages").contains("empty array");
		ParseAssertions.rejects(parser(DECODE), "{'model':'m','messages':{'role':'user'}}", "messages")
			.contains("expected an array");
	}

	@Test
	void rolesAreTheFourTextRoles() {
		for (String role : new String[] { "system", "developer", "user", "assistant" }) {
			assertThat(ChatCompletionRequests
				.parse(tree("{'model':'m','messages':[{'role':'" + role + "','content':'x'}]}"), DECODE)
				.messages()
				.get(0)
				.role()
				.wireName()).isEqualTo(role);
		}
		ParseAssertions
			.rejects(parser(DECODE), "{'model':'m','messages':[{'role':'robot','content':'x'}]}", "messages[0].role")
			.isEqualTo("Invalid value: 'robot'. Supported values are: 'system', 'developer', 'user', and 'assistant'.");
		ParseAssertions
			.rejects(parser(DECODE),
					"{'model':'m','messages':[{'role':'user','content':'x'},{'role':'tool','content':'4',"
							+ "'tool_call_id':'c1'}]}",
					"messages[1].role")
			.contains("is not supported");
		ParseAssertions.rejects(parser(DECODE), "{'model':'m','messages':[{'content':'x'}]}", "messages[0].role")
			.isEqualTo("Missing required parameter: 'messages[0].role'.");
	}

	@Test
	void contentIsAStringOrTextParts() {
		CreateChatCompletionRequest request = ChatCompletionRequests
			.parse(tree("{'model':'m','messages':[{'role':'user',"
					+ "'content':[{'type':'text','text':'a'},{'type':'text','text':'b'}],'name':'ann'}]}"), DECODE);
		assertThat(request.messages().get(0).text()).isEqualTo("a\nb");
		assertThat(request.messages().get(0).content().parts()).hasSize(2);
		assertThat(request.messages().get(0).name()).isEqualTo("ann");
		ParseAssertions
			.rejects(parser(DECODE), "{'model':'m','messages':[{'role':'user','content':5}]}", "messages[0].content")
			.contains("expected a string or an array of content parts");
		ParseAssertions.rejects(parser(DECODE), "{'model':'m','messages':[{'role':'user'}]}", "messages[0].content")
			.isEqualTo("Missing required parameter: 'messages[0].content'.");
		ParseAssertions
			.rejects(parser(DECODE),
					"{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'a'},"
							+ "{'type':'image_url','image_url':{'url':'http://x/y.png'}}]}]}",
					"messages[0].content[1].type")
			.contains("not accepted");
		ParseAssertions
			.rejects(parser(DECODE),
					"{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'a','x':1}]}]}",
					"messages[0].content[0].x")
			.isEqualTo("Unrecognized request argument supplied: messages[0].content[0].x");
	}

	@Test
	void echoedAssistantMessageFieldsAreAcceptedOnlyWhenEmpty() {
		CreateChatCompletionRequest request = ChatCompletionRequests.parse(tree("{'model':'m','messages':["
				+ "{'role':'user','content':'hi'},{'role':'assistant','content':'hello','refusal':null,"
				+ "'tool_calls':null,'function_call':null,'audio':null,'annotations':[]},{'role':'user','content':'2+2?'}]}"),
				DECODE);
		assertThat(request.messages()).hasSize(3);
		ParseAssertions
			.rejects(parser(DECODE), "{'model':'m','messages':[{'role':'assistant','content':'x','refusal':'no'}]}",
					"messages[0].refusal")
			.contains("is not supported");
		ParseAssertions
			.rejects(parser(DECODE), "{'model':'m','messages':[{'role':'user','content':'x','mood':'ok'}]}",
					"messages[0].mood")
			.isEqualTo("Unrecognized request argument supplied: messages[0].mood");
	}

	@Test
	void toolsAreRejectedUnlessEmpty() {
		assertThat(parse("'tools':[]").model()).isEqualTo("tiny-reasoner");
		rejects("'tools':[{'type':'function','function':{'name':'f'}}]", "tools")
			.isEqualTo("'tools' is not supported: Quorum does no tool or function calling.");
		rejects("'functions':[{'name':'f'}]", "functions").contains("is not supported");
	}

	@Test
	void toolChoiceAndFunctionCallAreRejectedUnlessNone() {
		assertThat(parse("'tool_choice':'none','function_call':'none'").model()).isEqualTo("tiny-reasoner");
		rejects("'tool_choice':'auto'", "tool_choice").contains("is not supported");
		rejects("'function_call':{'name':'f'}", "function_call").contains("is not supported");
	}

	@Test
	void parallelToolCallsIsRejectedWhenTrue() {
		assertThat(parse("'parallel_tool_calls':false").model()).isEqualTo("tiny-reasoner");
		rejects("'parallel_tool_calls':true", "parallel_tool_calls").contains("is not supported");
	}

	@Test
	void responseFormatIsRejectedUnlessText() {
		assertThat(parse("'response_format':{'type':'text'}").model()).isEqualTo("tiny-reasoner");
		rejects("'response_format':{'type':'json_object'}", "response_format").contains("is not supported");
		rejects("'response_format':{'type':'json_schema','json_schema':{'name':'x'}}", "response_format")
			.contains("is not supported");
		rejects("'response_format':{'type':'xml'}", "response_format.type").contains("Invalid value: 'xml'");
	}

	@Test
	void logitBiasIsRejectedUnlessEmpty() {
		assertThat(parse("'logit_bias':{}").model()).isEqualTo("tiny-reasoner");
		rejects("'logit_bias':{'2435':-100}", "logit_bias").contains("is not supported");
	}

	@Test
	void audioModalitiesPredictionAndWebSearchAreRejected() {
		assertThat(parse("'modalities':['text']").model()).isEqualTo("tiny-reasoner");
		rejects("'modalities':['text','audio']", "modalities").contains("is not supported");
		rejects("'audio':{'voice':'alloy','format':'wav'}", "audio").contains("is not supported");
		rejects("'prediction':{'type':'content','content':'x'}", "prediction").contains("is not supported");
		rejects("'web_search_options':{}", "web_search_options").contains("is not supported");
		rejects("'reasoning_effort':'high'", "reasoning_effort").contains("is not supported");
	}

	@Test
	void penaltiesAreRejectedUnlessZero() {
		assertThat(parse("'presence_penalty':0,'frequency_penalty':0.0").model()).isEqualTo("tiny-reasoner");
		rejects("'presence_penalty':0.5", "presence_penalty").contains("is not supported");
		rejects("'frequency_penalty':-1", "frequency_penalty").contains("is not supported");
		rejects("'frequency_penalty':3", "frequency_penalty").contains("between -2 and 2");
	}

	@Test
	void wrongJsonTypesAreNamed() {
		rejects("'temperature':'hot'", "temperature")
			.isEqualTo("Invalid type for 'temperature': expected a number, but got a string instead.");
		rejects("'n':1.5", "n").isEqualTo("Invalid type for 'n': expected an integer, but got a decimal instead.");
		rejects("'stream':'yes'", "stream").contains("expected a boolean");
		rejects("'logprobs':1", "logprobs").contains("expected a boolean");
		rejects("'user':42", "user").contains("expected a string");
	}

	@Test
	void explicitNullMeansNotGiven() {
		CreateChatCompletionRequest request = parse("'temperature':null,'n':null,'stop':null,'tools':null");
		assertThat(request.temperature()).isNull();
		assertThat(request.n()).isNull();
		assertThat(request.stop()).isNull();
	}

	@Test
	void temperatureIsBetweenZeroAndTwo() {
		assertThat(parse("'temperature':0").temperature()).isZero();
		assertThat(parse("'temperature':2").temperature()).isEqualTo(2.0);
		rejects("'temperature':2.1", "temperature")
			.isEqualTo("Invalid 'temperature': expected a value between 0 and 2, but got 2.1 instead.");
		rejects("'temperature':-0.1", "temperature").contains("between 0 and 2");
	}

	@Test
	void topPIsAboveZeroAndAtMostOne() {
		assertThat(parse("'top_p':1").topP()).isEqualTo(1.0);
		rejects("'top_p':0", "top_p")
			.isEqualTo("Invalid 'top_p': expected a value greater than 0 and at most 1, but got 0 instead.");
		rejects("'top_p':1.01", "top_p").contains("greater than 0 and at most 1");
	}

	@Test
	void nIsBetweenOneAndTheServiceCap() {
		assertThat(parse("'n':16").n()).isEqualTo(16);
		rejects("'n':0", "n").isEqualTo("Invalid 'n': expected a value between 1 and 16, but got 0 instead.");
		rejects("'n':17", "n").contains("between 1 and 16");
		rejects("'n':99999999999", "n").contains("between 1 and 16");
	}

	@Test
	void maxTokensIsPositiveAndCapped() {
		assertThat(parse("'max_tokens':1024").maxTokensLimit()).isEqualTo(1024);
		rejects("'max_tokens':0", "max_tokens").contains("between 1 and 1024");
		rejects("'max_tokens':1025", "max_tokens").contains("between 1 and 1024");
		rejects("'max_completion_tokens':-5", "max_completion_tokens").contains("between 1 and 1024");
	}

	@Test
	void bothLengthFieldsMustAgree() {
		CreateChatCompletionRequest request = parse("'max_tokens':32,'max_completion_tokens':32");
		assertThat(request.maxTokensLimit()).isEqualTo(32);
		rejects("'max_tokens':32,'max_completion_tokens':64", "max_completion_tokens").contains("disagree");
	}

	@Test
	void topLogprobsIsUpToTwentyAndNeedsLogprobs() {
		assertThat(parse("'logprobs':true,'top_logprobs':20").topLogprobs()).isEqualTo(20);
		assertThat(parse("'logprobs':true,'top_logprobs':0").topLogprobs()).isZero();
		rejects("'logprobs':true,'top_logprobs':21", "top_logprobs").contains("between 0 and 20");
		rejects("'top_logprobs':2", "top_logprobs").contains("'logprobs' must be set to true");
		rejects("'logprobs':false,'top_logprobs':2", "top_logprobs").contains("'logprobs' must be set to true");
	}

	@Test
	void stopIsAStringOrUpToFourNonEmptyStrings() {
		assertThat(parse("'stop':'\\n'").stop()).containsExactly("\n");
		assertThat(parse("'stop':['a','b','c','d']").stop()).hasSize(4);
		rejects("'stop':['a','b','c','d','e']", "stop").contains("at most 4");
		rejects("'stop':''", "stop").contains("must not be empty");
		rejects("'stop':['a','']", "stop[1]").contains("must not be empty");
		rejects("'stop':['a',3]", "stop[1]").contains("expected a string");
		rejects("'stop':{'a':1}", "stop").contains("a string or an array of strings");
	}

	@Test
	void seedIsA64BitInteger() {
		assertThat(parse("'seed':9223372036854775807").seed()).isEqualTo(Long.MAX_VALUE);
		assertThat(parse("'seed':-5").seed()).isEqualTo(-5L);
		rejects("'seed':18446744073709551616", "seed").contains("64-bit integer");
		rejects("'seed':1.5", "seed").contains("expected an integer");
	}

	@Test
	void streamOptionsOnlyWithStream() {
		assertThat(parse("'stream':true,'stream_options':{'include_usage':false}").streamOptions().wantsUsage())
			.isFalse();
		rejects("'stream_options':{'include_usage':true}", "stream_options")
			.isEqualTo("The 'stream_options' parameter is only allowed when 'stream' is enabled.");
		rejects("'stream':false,'stream_options':{'include_usage':true}", "stream_options")
			.contains("only allowed when 'stream' is enabled");
		rejects("'stream':true,'stream_options':{'continuous_usage_stats':true}",
				"stream_options.continuous_usage_stats")
			.isEqualTo("Unrecognized request argument supplied: stream_options.continuous_usage_stats");
	}

	@Test
	void vllmTopKAndMinPAreAccepted() {
		assertThat(parse("'top_k':-1").topK()).isEqualTo(-1);
		assertThat(parse("'top_k':0").topK()).isZero();
		assertThat(parse("'min_p':0").minP()).isZero();
		rejects("'top_k':-2", "top_k").contains("at least -1");
		rejects("'min_p':1.5", "min_p").contains("between 0 and 1");
	}

	@Test
	void harmlessSdkFieldsAreAcceptedAndIgnored() {
		CreateChatCompletionRequest request = parse("'user':'u-1','metadata':{'team':'a'},'store':false,"
				+ "'service_tier':'auto','n':1,'safety_identifier':'s','prompt_cache_key':'k',"
				+ "'stream':true,'stream_options':{'include_obfuscation':false}");
		assertThat(request.n()).isEqualTo(1);
		assertThat(parse("'service_tier':'default'").model()).isEqualTo("tiny-reasoner");
		rejects("'store':true", "store").contains("is not supported");
		rejects("'service_tier':'priority'", "service_tier").contains("is not supported");
		rejects("'metadata':'x'", "metadata").contains("expected an object");
	}

	@Test
	void quorumObjectOnlyWhereAllowed() {
		rejects("'quorum':{'strategy':'self-consistency'}", "quorum").contains("only accepted by the ensemble service");
		RequestLimits ensemble = DECODE.withQuorumExtension();
		CreateChatCompletionRequest request = ChatCompletionRequests
			.parse(tree(body("'quorum':{'strategy':'self-consistency','n':8}")), ensemble);
		assertThat(request.quorum().get("n").intValue()).isEqualTo(8);
		assertThat(request.withoutQuorum().quorum()).isNull();
		ParseAssertions.rejects(parser(ensemble), body("'quorum':'sc'"), "quorum").contains("expected an object");
	}

	@Test
	void unsupportedFieldsCarryACode() {
		ApiException error = catchThrowableOfType(ApiException.class, () -> parse("'tools':[{'type':'function'}]"));
		assertThat(error.code()).isEqualTo("unsupported_parameter");
	}

}
