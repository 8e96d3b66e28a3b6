// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.parse;

import java.nio.charset.StandardCharsets;

import dev.quorum.openai.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamReadException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Malformed bodies become a 400 with Jackson's reason and position.
 */
class RequestBodiesTests {

	private static ApiException rejected(byte[] body) {
		ApiException error = catchThrowableOfType(ApiException.class, () -> RequestBodies.readTree(body));
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.param()).isNull();
		return error;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsAnObject() {
		assertThat(RequestBodies.readTree(utf8("{\"model\":\"m\"}")).get("model").stringValue()).isEqualTo("m");
	}

	@Test
	void malformedJsonNamesThePosition() {
		ApiException error = rejected(utf8("{\"model\":\"m\",\n\"n\": }"));
		assertThat(error.code()).isEqualTo("invalid_json");
		assertThat(error.getMessage()).startsWith("We could not parse the JSON body of your request: ")
			.contains("(line 2, column");
	}

	@Test
	void invalidUtf8IsRejected() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		assertThat(rejected(body).getMessage()).containsIgnoringCase("UTF-8");
	}

	@Test
	void duplicateKeysAreRejected() {
		assertThat(rejected(utf8("{\"n\":1,\"n\":2}")).getMessage()).contains("Duplicate");
	}

	@Test
	void trailingContentIsRejected() {
		assertThat(rejected(utf8("{\"n\":1} {\"n\":2}")).getMessage()).contains("We could not parse");
	}

	@Test
	void emptyBodyIsRejected() {
		assertThat(rejected(new byte[0]).getMessage()).contains("empty");
		assertThat(rejected(utf8("   ")).getMessage()).contains("empty");
	}

	@Test
	void wrappedJacksonFailuresKeepTheirReason() {
		ApiException fromCause = RequestBodies.malformed(
				new IllegalStateException("decoding failed", new StreamReadException(null, "Unexpected end-of-input")));
		assertThat(fromCause.getMessage()).contains(": Unexpected end-of-input");
		assertThat(RequestBodies.malformed(new IllegalStateException("no JSON involved")).getMessage()).isEqualTo(
				"We could not parse the JSON body of your request. The body must be a JSON object encoded as UTF-8.");
	}

}
