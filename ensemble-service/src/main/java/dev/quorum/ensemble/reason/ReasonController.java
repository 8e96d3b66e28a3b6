// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.reason;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.quorum.ensemble.export.StarLine;
import dev.quorum.ensemble.export.StarWriter;
import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.JsonFields;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.reasoning.pipeline.ProgressListener;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.web.request.RequestId;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /v1/reason}: a question and a strategy in, the reasoned answer with its
 * evidence out; {@code stream: true} for SSE progress events; {@code export: true} (with
 * {@code gold}) for the STaR records the answer's candidates yield.
 */
@RestController
class ReasonController {

	private static final Set<String> FIELDS = fields();

	private final Reasoning reasoning;

	private final StarWriter writer;

	ReasonController(Reasoning reasoning, StarWriter writer) {
		this.reasoning = reasoning;
		this.writer = writer;
	}

	@PostMapping("/v1/reason")
	Mono<Void> reason(@RequestBody(required = false) byte[] body, ServerWebExchange exchange) {
		return Mono.defer(() -> {
			JsonFields fields = JsonFields.root(RequestBodies.readTree(body));
			fields.rejectUnknown(FIELDS);
			String question = fields.string("question");
			if (question == null) {
				throw JsonFields.missing("question");
			}
			boolean export = Boolean.TRUE.equals(fields.bool("export"));
			String gold = fields.string("gold");
			if (export && (gold == null || gold.isBlank())) {
				throw ApiException.invalidRequest("gold", "export needs the gold answer in 'gold'");
			}
			StrategyOptions options = StrategyOptions.read(fields, this.reasoning.settings());
			Reasoning.Call call = this.reasoning.resolve(question, List.of(), options, gold, "models");
			String requestId = RequestId.of(exchange);
			if (Boolean.TRUE.equals(fields.bool("stream"))) {
				ReasonEvents events = new ReasonEvents();
				Disposable run = this.reasoning.run(call, events, requestId, "reason")
					.flatMap((result) -> respond(call, result, export))
					.subscribe(events::finish, events::fail);
				return HttpWrites.stream(exchange.getResponse(), MediaType.TEXT_EVENT_STREAM,
						events.frames().doOnCancel(run::dispose));
			}
			return this.reasoning.run(call, ProgressListener.NONE, requestId, "reason")
				.flatMap((result) -> respond(call, result, export))
				.flatMap((response) -> HttpWrites.json(exchange.getResponse(), response));
		});
	}

	private Mono<ReasonResponse> respond(Reasoning.Call call, ReasoningResult result, boolean export) {
		ReasonResponse response = ReasonResponse.of(HttpWrites.id("rsn-"), HttpWrites.now(), call.spec(), result);
		if (!export) {
			return Mono.just(response);
		}
		List<StarLine> lines = StarLine.accepted(null, call.question(), call.gold(), call.spec().answerFormat(),
				result);
		return this.writer.append(lines)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map((file) -> response.withExport(new ReasonResponse.ExportView(lines, file.orElse(null))));
	}

	private static Set<String> fields() {
		Set<String> fields = new HashSet<>(StrategyOptions.FIELDS);
		fields.addAll(Set.of("question", "stream", "export", "gold"));
		return Set.copyOf(fields);
	}

}
