// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The reference fixtures written by {@code models/tools/make_fixtures.py} (transformers,
 * float32): model files, teacher-forced logits and greedy continuations.
 */
public final class Fixtures {

	/** The fixture models. */
	public static final List<String> MODELS = List.of("llama-tied-f32", "llama-untied-f32", "llama-untied-f16",
			"llama-untied-bf16", "llama-untied-q8_0", "llama-untied-q4_0");

	private Fixtures() {
	}

	/**
	 * A fixture file; the calling test is skipped while the fixtures are not there yet.
	 * @param name file name
	 * @return the path
	 */
	public static Path file(String name) {
		URL url = Fixtures.class.getResource("/fixtures/" + name);
		Assumptions.assumeTrue(url != null, "fixture " + name + " not present");
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a fixture text file.
	 * @param name file name
	 * @return the text
	 */
	public static String text(String name) {
		try {
			return Files.readString(file(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads raw little-endian float32 values.
	 * @param name file name
	 * @return the values
	 */
	public static float[] floats(String name) {
		try {
			ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file(name))).order(ByteOrder.LITTLE_ENDIAN);
			float[] out = new float[bytes.remaining() / 4];
			bytes.asFloatBuffer().get(out);
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A numeric array field of a fixture's JSON object.
	 * @param json the JSON text
	 * @param key the field
	 * @return the numbers
	 */
	public static double[] numbers(String json, String key) {
		Object value = ((Map<?, ?>) Json.parse(json)).get(key);
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("no array " + key);
		}
		return list.stream().mapToDouble((n) -> ((Number) n).doubleValue()).toArray();
	}

	/**
	 * An integer array field of a fixture's JSON object.
	 * @param json the JSON text
	 * @param key the field
	 * @return the integers
	 */
	public static int[] ints(String json, String key) {
		return Arrays.stream(numbers(json, key)).mapToInt((d) -> (int) d).toArray();
	}

}
