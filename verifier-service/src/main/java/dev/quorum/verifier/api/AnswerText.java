// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import dev.quorum.openai.parse.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A gold or candidate answer as a request sends it: a string, or a JSON number taken as
 * written ({@code 4.50} reads as {@code "4.5"}, integers of any size exactly).
 */
final class AnswerText {

	private AnswerText() {
	}

	/**
	 * Reads an answer.
	 * @param param the value's path, for errors
	 * @param value the value
	 * @param maxChars the most characters a string answer may have
	 * @return the answer text, never blank
	 */
	static String read(String param, JsonNode value, int maxChars) {
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (value.isNumber()) {
			return value.decimalValue().toPlainString();
		}
		if (!value.isString()) {
			throw JsonFields.typeError(param, "a string or a number", value);
		}
		return JsonFields.checkText(param, value.stringValue(), maxChars);
	}

}
