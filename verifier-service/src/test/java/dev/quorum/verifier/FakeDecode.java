// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real OpenAI-compatible HTTP server on a free port standing in for decode-service:
 * every {@code POST /v1/completions} is read back into a {@link CreateCompletionRequest},
 * recorded, and answered by a script. {@link #verifier(ToDoubleFunction)} scripts a
 * verifier model whose p(Y) after a prompt is a function of the prompt.
 */
public final class FakeDecode implements AutoCloseable {

	private final AtomicReference<Script> script = new AtomicReference<>();

	private final List<CreateCompletionRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final DisposableServer server;

	/**
	 * A server answering with the script.
	 * @param script how to answer
	 */
	public FakeDecode(Script script) {
		this.script.set(script);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap((body) -> {
						CreateCompletionRequest parsed = OpenAiJson.mapper()
							.readValue(body, CreateCompletionRequest.class);
						this.requests.add(parsed);
						Reply reply = this.script.get().answer(parsed, this.calls.getAndIncrement());
						response.status(HttpResponseStatus.valueOf(reply.status()));
						reply.headers().forEach(response::header);
						return Mono.delay(reply.delay()).then(response.sendString(Mono.just(reply.body())).then());
					}))
			.bindNow();
	}

	/**
	 * A verifier model: every prompt gets one choice whose only token is {@code Y} or
	 * {@code N} (the likelier), with top logprobs {@code Y}, {@code N} and a space; a
	 * request with {@code n > 1} or more than one token gets rationales
	 * {@code "rationale <j>"} instead.
	 * @param pYes p(Y) after a prompt
	 * @return the script
	 */
	public static Script verifier(ToDoubleFunction<String> pYes) {
		return (request, call) -> {
			List<CreateCompletionResponse.Choice> choices = new ArrayList<>();
			int n = (request.n() != null) ? request.n() : 1;
			List<String> prompts = request.prompt().texts();
			for (int p = 0; p < prompts.size(); p++) {
				for (int j = 0; j < n; j++) {
					int index = p * n + j;
					choices.add((request.maxTokens() == 1) ? verdict(index, pYes.applyAsDouble(prompts.get(p)))
							: CreateCompletionResponse.Choice.of(index, "rationale " + j + "\n", null, "stop"));
				}
			}
			return Reply.completion(choices, CompletionUsage.of(10 * prompts.size(), choices.size()));
		};
	}

	/**
	 * A verdict choice with logprobs.
	 * @param index the choice index
	 * @param pYes p(Y); p(N) is {@code 0.98 - pYes}, a space takes 0.02
	 * @return the choice
	 */
	public static CreateCompletionResponse.Choice verdict(int index, double pYes) {
		double pNo = 0.98 - pYes;
		String token = (pYes >= pNo) ? "Y" : "N";
		Map<String, Double> top = new java.util.LinkedHashMap<>();
		top.put(token, Math.log(Math.max(pYes, pNo)));
		top.put(token.equals("Y") ? "N" : "Y", Math.log(Math.min(pYes, pNo)));
		top.put(" ", Math.log(0.02));
		return CreateCompletionResponse.Choice.of(index, token, new CreateCompletionResponse.Logprobs(List.of(token),
				List.of(top.get(token)), List.of(top), List.of(0)), "length");
	}

	/**
	 * The base URI, as {@code quorum.verifier.decode-uri} takes it.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Replaces the script.
	 * @param script the new script
	 */
	public void script(Script script) {
		this.script.set(script);
	}

	/**
	 * The requests received so far, in arrival order.
	 * @return the requests
	 */
	public List<CreateCompletionRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Forgets the requests received.
	 */
	public void clear() {
		this.requests.clear();
		this.calls.set(0);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * How the server answers.
	 */
	@FunctionalInterface
	public interface Script {

		/**
		 * The answer to one request.
		 * @param request the request as sent
		 * @param call the request's number, from 0
		 * @return the reply
		 */
		Reply answer(CreateCompletionRequest request, int call);

	}

	/**
	 * A scripted HTTP answer.
	 *
	 * @param status the status
	 * @param headers extra headers
	 * @param body the body
	 * @param delay silence before answering
	 */
	public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

		/**
		 * A JSON body.
		 * @param status the status
		 * @param body the body
		 * @return the reply
		 */
		public static Reply json(int status, String body) {
			return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
		}

		/**
		 * A text completion.
		 * @param choices the choices
		 * @param usage the usage
		 * @return the reply
		 */
		public static Reply completion(List<CreateCompletionResponse.Choice> choices, CompletionUsage usage) {
			return json(200, OpenAiJson.mapper()
				.writeValueAsString(CreateCompletionResponse.of("cmpl-test", 1, "tiny-verifier", choices, usage)));
		}

		/**
		 * This reply after a silence.
		 * @param delay the silence
		 * @return the reply
		 */
		public Reply after(Duration delay) {
			return new Reply(this.status, this.headers, this.body, delay);
		}

	}

}
