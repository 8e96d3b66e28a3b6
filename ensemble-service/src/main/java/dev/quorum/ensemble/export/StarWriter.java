// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.quorum.openai.OpenAiJson;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Appends accepted records to {@code <directory>/star-<yyyy-mm-dd>.jsonl} (UTC date), one
 * JSON object per line, on a blocking-I/O thread; appends are serialised so lines never
 * interleave. Without a directory nothing is written.
 */
public final class StarWriter {

	private final Path directory;

	private final Clock clock;

	/**
	 * A writer.
	 * @param directory the directory, or null to write nothing
	 * @param clock the clock that names the file
	 */
	public StarWriter(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Whether records are written at all.
	 * @return whether a directory is configured
	 */
	public boolean enabled() {
		return this.directory != null;
	}

	/**
	 * Appends records.
	 * @param lines the records
	 * @return the file's name, or empty when nothing is configured or there was nothing
	 * to write
	 */
	public Mono<String> append(List<StarLine> lines) {
		if (this.directory == null || lines.isEmpty()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> write(lines)).subscribeOn(Schedulers.boundedElastic());
	}

	private synchronized String write(List<StarLine> lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (StarLine line : lines) {
			out.writeBytes(OpenAiJson.mapper().writeValueAsBytes(line));
			out.write('\n');
		}
		String name = "star-" + LocalDate.now(this.clock) + ".jsonl";
		try {
			Files.createDirectories(this.directory);
			Files.write(this.directory.resolve(name), out.toByteArray(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not append to " + name, ex);
		}
		return name;
	}

}
