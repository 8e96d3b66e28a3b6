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
