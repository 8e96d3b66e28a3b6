// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.function.Function;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.OpenAiJson;
import org.assertj.core.api.AbstractStringAssert;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Helpers for parser tests: JSON with single quotes, and the 400 a body is rejected with.
 */
final class ParseAssertions {

	private ParseAssertions() {
	}

	/**
	 * Parses test JSON written with single quotes.
	 * @param json the JSON, {@code '} for {@code "}
	 * @return the tree
	 */
	static JsonNode tree(String json) {
		return OpenAiJson.mapper().readTree(json.replace('\'', '"'));
	}

	/**
	 * Asserts that a body is rejected with a 400 naming a field.
	 * @param parser the parser
	 * @param json the body, single-quoted
	 * @param param the expected {@code param}
	 * @return an assertion on the message
	 */
	static AbstractStringAssert<?> rejects(Function<JsonNode, ?> parser, String json, String param) {
		ApiException error = catchThrowableOfType(ApiException.class, () -> parser.apply(tree(json)));
		assertThat(error).as("rejection of %s", json).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.type().wireName()).isEqualTo("invalid_request_error");
		assertThat(error.param()).isEqualTo(param);
		return assertThat(error.getMessage());
	}

}
