// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.util.Set;

import dev.quorum.openai.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import static dev.quorum.openai.parse.ParseAssertions.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The getters the request parsers of other modules use (nested objects, 64-bit ranges,
 * bounded arrays and strings), each read back and refused with its path.
 */
class JsonFieldsTests {

	private static ApiException refused(ThrowingSupplier<?> read) {
		ApiException error = catchThrowableOfType(ApiException.class, read::get);
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		return error;
	}

	@Test
	void nestedObjectsNameTheirFieldsByPath() {
		JsonFields body = JsonFields.root(tree("{'stop':{'rule':'x','n':0,'extra':1}}"));
		JsonFields stop = body.object("stop");
		assertThat(body.object("absent")).isNull();
		assertThat(stop.string("rule")).isEqualTo("x");
		assertThat(refused(() -> stop.integer("n", 1, 8)).param()).isEqualTo("stop.n");
		ApiException unknown = refused(() -> {
			stop.rejectUnknown(Set.of("rule", "n"));
			return null;
		});
		assertThat(unknown.param()).isEqualTo("stop.extra");
		assertThat(unknown.getMessage()).isEqualTo("Unrecognized request argument supplied: stop.extra");
	}

	@Test
	void aBodyThatIsNotAnObjectHasNoParam() {
		ApiException error = refused(() -> JsonFields.root(tree("[1]")));
		assertThat(error.param()).isNull();
		assertThat(error.getMessage()).contains("expected an object, but got an array");
	}

	@Test
	void int64ReadsTheWholeRangeAndRefusesBeyondIt() {
		JsonFields fields = JsonFields
			.root(tree("{'seed':-9223372036854775808,'big':9223372036854775808," + "'ms':0,'half':1.5}"));
		assertThat(fields.int64("seed")).isEqualTo(Long.MIN_VALUE);
		assertThat(refused(() -> fields.int64("big")).getMessage()).contains("64-bit integer");
		assertThat(refused(() -> fields.int64("ms", 1, Long.MAX_VALUE)).getMessage())
			.isEqualTo("Invalid 'ms': expected a value at least 1, but got 0 instead.");
		assertThat(refused(() -> fields.int64("half", 0, 10)).getMessage())
			.isEqualTo("Invalid type for 'half': expected an integer, but got a decimal instead.");
		assertThat(fields.int64("absent", 0, 1)).isNull();
	}

	@Test
	void numbersWithoutARangeAreAnyFiniteNumber() {
		JsonFields fields = JsonFields.root(tree("{'w':-1e300,'t':2.5,'s':'1'}"));
		assertThat(fields.number("w")).isEqualTo(-1e300);
		assertThat(refused(() -> fields.number("t", 0, 2)).getMessage())
			.isEqualTo("Invalid 't': expected a value between 0 and 2, but got 2.5 instead.");
		assertThat(refused(() -> fields.number("s")).param()).isEqualTo("s");
	}

	@Test
	void arraysAndStringsHaveBounds() {
		JsonFields fields = JsonFields.root(tree("{'a':[1,2,3],'e':[],'s':'abcd','b':' '}"));
		assertThat(fields.requiredArray("a", 3)).hasSize(3);
		assertThat(refused(() -> fields.requiredArray("a", 2)).getMessage())
			.isEqualTo("Invalid 'a': 3 elements is too many; at most 2 are accepted.");
		assertThat(refused(() -> fields.array("e", 2)).getMessage()).contains("empty array");
		assertThat(refused(() -> fields.requiredArray("x", 2)).getMessage())
			.isEqualTo("Missing required parameter: 'x'.");
		assertThat(fields.requiredString("s", 4)).isEqualTo("abcd");
		assertThat(refused(() -> fields.requiredString("s", 3)).getMessage())
			.isEqualTo("Invalid 's': 4 characters is too long; at most 3 are accepted.");
		assertThat(refused(() -> fields.requiredString("b")).getMessage()).contains("non-empty string");
		assertThat(fields.has("s")).isTrue();
		assertThat(fields.has("x")).isFalse();
	}

}
