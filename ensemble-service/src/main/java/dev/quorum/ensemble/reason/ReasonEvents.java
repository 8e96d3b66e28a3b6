// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.ErrorResponse;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.reasoning.pipeline.CandidateResult;
import dev.quorum.reasoning.pipeline.ProgressListener;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.vote.VoteTally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SSE progress stream of {@code /v1/reason}: named events
 * {@code event: <name>\ndata: <json>\n\n}, in the order they happened: {@code candidate}
 * (each candidate as it arrives, answer extracted, without scores), {@code vote} (the
 * running tally after each self-consistency wave), {@code early_stop} (adaptive stopping
 * ended sampling), then {@code final} (the whole response) and {@code data: [DONE]}; or,
 * on failure, {@code event: error} with OpenAI's error envelope, and no {@code [DONE]}.
 * Events may come from any thread; they are serialised here.
 */
final class ReasonEvents implements ProgressListener {

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final JsonMapper json = OpenAiJson.mapper();

	private final Sinks.Many<byte[]> sink = Sinks.many().unicast().onBackpressureBuffer();

	Flux<byte[]> frames() {
		return this.sink.asFlux();
	}

	@Override
	public void candidate(CandidateResult candidate) {
		emit("candidate", ReasonResponse.CandidateView.of(candidate, false));
	}

	@Override
	public void vote(VoteTally tally, int samplesUsed) {
		Map<String, Object> vote = new LinkedHashMap<>();
		vote.put("samples_used", samplesUsed);
		vote.put("leader", (tally.leader() != null) ? tally.leader().answer().key() : null);
		vote.put("agreement", tally.agreement());
		vote.put("votes", ReasonResponse.votes(tally));
		vote.put("unparsed", tally.unparsed());
		emit("vote", vote);
	}

	@Override
	public void earlyStop(StopDecision decision, int samplesUsed, int samplesSaved) {
		Map<String, Object> stop = new LinkedHashMap<>();
		stop.put("samples_used", samplesUsed);
		stop.put("samples_saved", samplesSaved);
		stop.put("reason", decision.reason());
		stop.put("probability", ReasonResponse.finite(decision.probability()));
		emit("early_stop", stop);
	}

	/** The final event, {@code [DONE]}, and the end of the stream. */
	synchronized void finish(Object response) {
		emit("final", response);
		this.sink.tryEmitNext(DONE);
		this.sink.tryEmitComplete();
	}

	/** An error event and the end of the stream. */
	synchronized void fail(Throwable error) {
		ApiException api = (error instanceof ApiException ex) ? ex
				: new ApiException(500, ErrorType.SERVER, "The reasoning failed on the server", null, null, null);
		emit("error", ErrorResponse.of(api.getMessage(), api.type().wireName(), api.param(), api.code()));
		this.sink.tryEmitComplete();
	}

	private synchronized void emit(String event, Object data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("event: " + event + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(json.writeValueAsBytes(data));
		out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
		this.sink.tryEmitNext(out.toByteArray());
	}

}
