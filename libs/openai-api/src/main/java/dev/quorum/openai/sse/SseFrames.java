// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorResponse;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.OpenAiJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes SSE frames exactly as OpenAI does: {@code data: <json>\n\n} per chunk (compact
 * JSON on one line, a space after the colon), {@code data: [DONE]\n\n} at the end, and a
 * failure mid-stream as one {@code data: {"error":{...}}\n\n} frame after which the
 * stream closes without {@code [DONE]}. Spring's SSE encoder writes {@code data:} without
 * the space, hence raw frames; send them with content type {@code text/event-stream}.
 */
public final class SseFrames {

	private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	private final ObjectWriter writer;

	private SseFrames(JsonMapper mapper) {
		this.writer = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
	}

	/**
	 * Frames written with {@link OpenAiJson#mapper()}.
	 * @return the framer
	 */
	public static SseFrames create() {
		return new SseFrames(OpenAiJson.mapper());
	}

	/**
	 * Frames written with a given mapper (indentation is turned off regardless).
	 * @param mapper the mapper
	 * @return the framer
	 */
	public static SseFrames create(JsonMapper mapper) {
		return new SseFrames(mapper);
	}

	/**
	 * One chunk's frame.
	 * @param chunk a stream chunk record
	 * @return {@code data: <json>\n\n}
	 */
	public byte[] data(Object chunk) {
		byte[] json = this.writer.writeValueAsBytes(chunk);
		ByteArrayOutputStream out = new ByteArrayOutputStream(PREFIX.length + json.length + END.length);
		out.writeBytes(PREFIX);
		out.writeBytes(json);
		out.writeBytes(END);
		return out.toByteArray();
	}

	/**
	 * The last frame of a stream that completed.
	 * @return {@code data: [DONE]\n\n} (a new array each call)
	 */
	public static byte[] done() {
		return DONE.clone();
	}

	/**
	 * The frame for a failure mid-stream.
	 * @param error the error
	 * @return {@code data: {"error":{...}}\n\n}
	 */
	public byte[] error(ApiException error) {
		return data(ErrorResponse.of(error.getMessage(), error.type().wireName(), error.param(), error.code()));
	}

	/**
	 * A whole stream: a frame per chunk, then {@code [DONE]}; or, when the chunks fail,
	 * the frames so far, one error frame, and the end.
	 * @param chunks the chunk records
	 * @param errors maps a failure to the error the client sees (never internal details)
	 * @return the frames
	 */
	public Flux<byte[]> frames(Flux<?> chunks, Function<Throwable, ApiException> errors) {
		return chunks.map(this::data)
			.concatWith(Mono.fromSupplier(SseFrames::done))
			.onErrorResume((failure) -> Mono.fromSupplier(() -> error(errors.apply(failure))));
	}

	/**
	 * {@link #frames(Flux, Function)} where an {@link ApiException} is shown as it is and
	 * any other failure as a bare 500 {@code server_error}.
	 * @param chunks the chunk records
	 * @return the frames
	 */
	public Flux<byte[]> frames(Flux<?> chunks) {
		return frames(chunks, SseFrames::asApiException);
	}

	private static ApiException asApiException(Throwable failure) {
		if (failure instanceof ApiException api) {
			return api;
		}
		return new ApiException(500, ErrorType.SERVER, "The stream failed on the server", null, null, null);
	}

}
