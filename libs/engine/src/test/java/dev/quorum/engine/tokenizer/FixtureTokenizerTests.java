// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tokenizer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.quorum.engine.Json;
import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.engine.chat.ChatTemplate;
import dev.quorum.engine.chat.ChatTemplates;
import dev.quorum.engine.gguf.GgufFile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our tokenizers against the reference libraries: for every {@code tokenizer-NAME.gguf}
 * in the fixtures, the ids in {@code NAME.cases.json} were produced by HF
 * {@code tokenizers} or {@code sentencepiece} on the GPU machine. Ids must be identical,
 * and decoding them must give the text back. The shipped vocabulary and chat template
 * must give the token ids of the reference logits fixture.
 */
class FixtureTokenizerTests {

	@TestFactory
	Stream<DynamicTest> matchesTheReferenceTokenizers() throws IOException, URISyntaxException {
		URL url = FixtureTokenizerTests.class.getResource("/fixtures");
		Assumptions.assumeTrue(url != null, "no reference fixtures on the test classpath");
		Path directory = Path.of(url.toURI());
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter((path) -> path.getFileName().toString().matches("tokenizer-.*\\.gguf"))
				.sorted()
				.toList();
		}
		Assumptions.assumeFalse(files.isEmpty(), "no tokenizer-*.gguf fixtures yet");
		return files.stream().map((file) -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	@Test
	void shippedVocabularyAndTemplateGiveTheReferencePrompt() throws IOException, URISyntaxException {
		URL url = FixtureTokenizerTests.class.getResource("/fixtures/llama-tied-f32.gguf");
		Assumptions.assumeTrue(url != null, "no llama-tied-f32.gguf fixture");
		Path file = Path.of(url.toURI());
		Map<String, Object> metadata;
		try (GgufFile gguf = GgufFile.open(file)) {
			metadata = gguf.metadata();
		}
		Tokenizer tokenizer = Tokenizer.fromMetadata(metadata);
		ChatTemplate template = ChatTemplates.detect(metadata);
		String prompt = template.render(
				List.of(new ChatMessage("system", "ignored"), new ChatMessage("user",
						"Tom has 427 shells. He gives away 188. Caf\u00e9? \u65e5\u672c\nLet's think step by step.")),
				true);
		Map<?, ?> reference = (Map<?, ?>) Json.parse(Files.readString(file.resolveSibling("llama-tied-f32.ref.json")));
		assertThat(template.name()).isEqualTo("quorum-qa");
		assertThat(tokenizer.vocabSize()).isEqualTo(259);
		assertThat(tokenizer.encode(prompt, true, true)).containsExactly(ints(reference.get("tokens")));
		assertThat(tokenizer.stopTokenIds()).containsExactly(tokenizer.eosId());
	}

	private static void check(Path file) throws IOException {
		String name = file.getFileName().toString().replaceFirst("\\.gguf$", "");
		Path casesFile = file.resolveSibling(name + ".cases.json");
		if (!Files.exists(casesFile)) {
			casesFile = file.resolveSibling(name.replaceFirst("^tokenizer-", "") + ".cases.json");
		}
		Map<String, Object> metadata;
		try (GgufFile gguf = GgufFile.open(file)) {
			metadata = gguf.metadata();
		}
		Tokenizer tokenizer = Tokenizer.fromMetadata(metadata);
		// HF tokenizers always split out added tokens; sentencepiece never does
		boolean parseSpecialByDefault = "gpt2".equals(metadata.get("tokenizer.ggml.model"));
		List<?> cases = (List<?>) Json.parse(Files.readString(casesFile));
		SoftAssertions softly = new SoftAssertions();
		for (Object item : cases) {
			Map<?, ?> testCase = (Map<?, ?>) item;
			String text = (String) testCase.get("text");
			boolean parseSpecial = (testCase.get("parse_special") instanceof Boolean flag) ? flag
					: parseSpecialByDefault;
			int[] ids = tokenizer.encode(text, false, parseSpecial);
			softly.assertThat(ids).as("ids of %s", quote(text)).containsExactly(ints(testCase.get("ids")));
			if (testCase.get("ids_with_bos") != null) {
				softly.assertThat(tokenizer.encode(text, true, parseSpecial))
					.as("ids with BOS of %s", quote(text))
					.containsExactly(ints(testCase.get("ids_with_bos")));
			}
			if (Arrays.stream(ids).noneMatch(tokenizer::isControl)) {
				softly.assertThat(tokenizer.decode(ids)).as("decode of %s", quote(text)).isEqualTo(text);
			}
		}
		softly.assertAll();
	}

	private static int[] ints(Object list) {
		return ((List<?>) list).stream().mapToInt((value) -> ((Number) value).intValue()).toArray();
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		text.codePoints()
			.forEach((c) -> out
				.append((c < 0x20 || c == 0x7F) ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
		return out.append('"').toString();
	}

}
