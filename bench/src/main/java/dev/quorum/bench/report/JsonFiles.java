// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes benchmark results as indented JSON (records and maps; Jackson 3).
 */
public final class JsonFiles {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonFiles() {
	}

	/**
	 * Reads a result written by {@link #write}.
	 * @param <T> the type
	 * @param file the file
	 * @param type the record type
	 * @return the value
	 */
	public static <T> T read(Path file, Class<T> type) {
		try {
			return MAPPER.readValue(Files.readString(file), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/**
	 * Writes a value to a file, creating its folder.
	 * @param file the file
	 * @param value a record, map or list
	 */
	public static void write(Path file, Object value) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			if (dir != null) {
				Files.createDirectories(dir);
			}
			Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
