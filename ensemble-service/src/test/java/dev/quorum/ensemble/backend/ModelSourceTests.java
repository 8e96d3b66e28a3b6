// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.ensemble.FakeOpenAi;
import dev.quorum.ensemble.TestProperties;
import dev.quorum.ensemble.ToyBackend;
import dev.quorum.ensemble.ToyBackend.Branch;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import dev.quorum.reasoning.pipeline.Turn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Candidate sources against a scripted OpenAI-compatible server: batches and seeds,
 * logprobs, CoT-decoding branches in one request (Quorum's extension) and by first-token
 * requests (any backend with logprobs), and what happens when a backend cannot branch.
 */
class ModelSourceTests {

	private static final String DIRECT = "The answer is 9.";

	private static final String STEPS = "4+5=9\nThe answer is 9.";

	private final ToyBackend toy = new ToyBackend().model("local", "greedy text", "s0", "s1", "s2")
		.model("ext", "greedy text", "e0")
		.branches("local", new Branch(DIRECT, 0.7, 0.6, 0.3), new Branch("2" + STEPS, 0.2, 0.99, 0.005),
				new Branch("8" + STEPS, 0.005, 0.99, 0.001))
		.branches("ext", new Branch(DIRECT, 0.7, 0.6, 0.3), new Branch("2" + STEPS, 0.2, 0.99, 0.005),
				new Branch("8" + STEPS, 0.005, 0.99, 0.001));

	private final FakeOpenAi server = new FakeOpenAi(this.toy);

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ModelCatalog catalog(Map<String, String> more) {
		Map<String, String> settings = new java.util.LinkedHashMap<>(
				Map.of("decode-uri", this.server.url(), "local-models[0].name", "local", "local.max-batch", "3",
						"backends[0].id", "ext", "backends[0].base-url", this.server.url() + "/v1", "backends[0].model",
						"ext", "backends[0].api-key-env", "EXT_KEY"));
		settings.putAll(more);
		EnsembleProperties properties = TestProperties.bind(settings);
		return new BackendConfiguration().modelCatalog(properties,
				new Resilience(properties.circuitBreaker(), new SimpleMeterRegistry()), WebClient.builder(),
				new MockEnvironment().withProperty("EXT_KEY", "sk-ext-secret"));
	}

	private static GenerationRequest request(String model, int n, double temperature, int top, int branches) {
		return new GenerationRequest(model, "What is 4+5?", "What is 4+5?",
				List.of(new Turn("system", "Be brief."), new Turn("user", "Hi"), new Turn("assistant", "Hello.")), n,
				temperature, 64, top, branches);
	}

	private static List<Candidate> get(CompletableFuture<List<Candidate>> future) throws Exception {
		return future.get(10, TimeUnit.SECONDS);
	}

	@Test
	void samplesGoInBatchesOfAtMostMaxBatchWithConsecutiveSeedsAndTheRequestId() throws Exception {
		RequestScope scope = new RequestScope("req-42", 100L, 0.01);
		CandidateSourceCall call = new CandidateSourceCall(catalog(Map.of()), scope);
		List<Candidate> first = get(call.generate(request("local", 7, 0.8, 0, 0)));
		List<FakeOpenAi.Call> chats = this.server.calls("/v1/chat/completions");
		assertThat(chats).extracting((c) -> c.body().path("n").asInt()).containsExactlyInAnyOrder(3, 3, 1);
		assertThat(chats).extracting((c) -> c.body().path("seed").asLong()).containsExactlyInAnyOrder(100L, 103L, 106L);
		assertThat(chats).allSatisfy((c) -> assertThat(c.headers()).containsEntry("x-request-id", "req-42"));
		// sample i has seed 100 + i: texts cycle s(100 % 3) = s1, s2, s0, ...
		assertThat(first).extracting(Candidate::text).containsExactly("s1", "s2", "s0", "s1", "s2", "s0", "s1");
		// a later wave continues the sequence
		List<Candidate> next = get(call.generate(request("local", 2, 0.8, 0, 0)));
		assertThat(next).extracting(Candidate::text).containsExactly("s2", "s0");
	}

	@Test
	void historyPassesThroughAndThePromptIsTheLastUserMessage() throws Exception {
		get(new CandidateSourceCall(catalog(Map.of()), new RequestScope(null, null, 0.01))
			.generate(request("local", 1, 0.8, 0, 0)));
		JsonNode messages = this.server.calls("/v1/chat/completions").getFirst().body().path("messages");
		assertThat(messages).extracting((m) -> m.path("role").asString() + ":" + m.path("content").asString())
			.containsExactly("system:Be brief.", "user:Hi", "assistant:Hello.", "user:What is 4+5?");
	}

	@Test
	void tokenCountsOfABatchAddUpAndPromptTokensAreBilledOnce() throws Exception {
		List<Candidate> batch = get(new CandidateSourceCall(catalog(Map.of()), new RequestScope(null, 0L, 0.01))
			.generate(request("local", 3, 0.8, 0, 0)));
		assertThat(batch.stream().mapToInt(Candidate::completionTokens).sum()).isEqualTo(6);
		assertThat(batch).extracting(Candidate::promptTokens).containsExactly(30, 0, 0);
		assertThat(ChatSampler.share(10, List.of("aaa", "a", "aaaaaa"))).containsExactly(3, 1, 6);
		assertThat(ChatSampler.share(7, List.of("", ""))).containsExactly(4, 3);
	}

	@Test
	void logprobsAreAskedOnlyWhenWantedAndTheBackendHasThem() throws Exception {
		ModelCatalog catalog = catalog(Map.of("backends[0].logprobs", "false"));
		RequestScope scope = new RequestScope(null, null, 0.01);
		List<Candidate> greedy = get(new CandidateSourceCall(catalog, scope).generate(request("local", 1, 0.0, 2, 0)));
		assertThat(greedy.getFirst().text()).isEqualTo("greedy text");
		assertThat(greedy.getFirst().tokens()).hasSize("greedy text".length());
		assertThat(greedy.getFirst().tokens().get(1).start()).isEqualTo(1);
		get(new CandidateSourceCall(catalog, scope).generate(request("ext", 1, 0.0, 2, 0)));
		List<FakeOpenAi.Call> chats = this.server.calls("/v1/chat/completions");
		assertThat(chats.get(0).body().path("top_logprobs").asInt()).isEqualTo(2);
		assertThat(chats.get(1).body().has("logprobs")).isFalse();
		assertThat(chats.get(1).headers()).containsEntry("authorization", "Bearer sk-ext-secret");
	}

	@Test
	void decodeServiceBranchesInOneRequestOnTheTokenizedConversation() throws Exception {
		List<Candidate> branches = get(new CandidateSourceCall(catalog(Map.of()), new RequestScope(null, null, 0.01))
			.generate(request("local", 3, 0.0, 2, 3)));
		JsonNode tokenize = this.server.calls("/v1/tokenize").getFirst().body();
		assertThat(tokenize.path("messages")).hasSize(4);
		JsonNode completion = this.server.calls("/v1/completions").getFirst().body();
		assertThat(completion.path("prompt").get(0).asInt()).isEqualTo(256);
		assertThat(completion.path("quorum_branching").path("k").asInt()).isEqualTo(3);
		assertThat(completion.path("quorum_branching").path("min_probability").asDouble()).isEqualTo(0.01);
		assertThat(completion.path("logprobs").asInt()).isEqualTo(2);
		assertThat(completion.path("temperature").asDouble()).isZero();
		// the floor dropped the third branch (p = 0.005)
		assertThat(branches).extracting(Candidate::text).containsExactly(DIRECT, "2" + STEPS);
		assertThat(branches.get(1).firstTokenProbability()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(branches.get(1).tokens().getLast().end()).isEqualTo(("2" + STEPS).length());
		assertThat(branches.get(1).tokens().getLast().margin()).isCloseTo(0.985,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void otherBackendsBranchOnTheFirstTokensAlternativesEachContinuedInItsOwnRequest() throws Exception {
		List<Candidate> branches = get(new CandidateSourceCall(catalog(Map.of()), new RequestScope(null, null, 0.01))
			.generate(request("ext", 3, 0.0, 2, 3)));
		List<FakeOpenAi.Call> completions = this.server.calls("/v1/completions");
		JsonNode first = completions.getFirst().body();
		assertThat(first.path("max_tokens").asInt()).isEqualTo(1);
		assertThat(first.path("logprobs").asInt()).isEqualTo(3);
		assertThat(first.has("quorum_branching")).isFalse();
		// two continuations: "T..." and "2..."; "8" is under the floor
		assertThat(completions).hasSize(3);
		assertThat(completions.subList(1, 3)).extracting((c) -> {
			JsonNode prompt = c.body().path("prompt");
			return (char) prompt.get(prompt.size() - 1).asInt();
		}).containsExactlyInAnyOrder('T', '2');
		assertThat(branches).extracting(Candidate::text).containsExactly(DIRECT, "2" + STEPS);
		assertThat(branches.get(1).firstTokenProbability()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
		Candidate steps = branches.get(1);
		assertThat(steps.tokens().get(0).end()).isEqualTo(1);
		assertThat(steps.tokens().get(1).start()).isEqualTo(1);
		assertThat(steps.tokens().getLast().end()).isEqualTo(steps.text().length());
	}

	@Test
	void aBackendWithoutLogprobsOrTokenizerCannotBranch() {
		ModelCatalog noLogprobs = catalog(Map.of("backends[0].logprobs", "false"));
		assertThatThrownBy(() -> get(new CandidateSourceCall(noLogprobs, new RequestScope(null, null, 0.01))
			.generate(request("ext", 2, 0.0, 2, 2)))).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(UnsupportedOperationException.class);
		ModelCatalog noTokenizer = catalog(Map.of("backends[0].tokenize-path", "no-such-path"));
		assertThatThrownBy(() -> get(new CandidateSourceCall(noTokenizer, new RequestScope(null, null, 0.01))
			.generate(request("ext", 2, 0.0, 2, 2)))).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(UnsupportedOperationException.class)
			.hasMessageContaining("no tokenize endpoint");
	}

	@Test
	void cancellingTheStageClosesTheBackendCall() {
		this.server.answer((c) -> this.toy.apply(c).after(Duration.ofSeconds(30)));
		CompletableFuture<List<Candidate>> future = new CandidateSourceCall(catalog(Map.of()),
				new RequestScope(null, null, 0.01))
			.generate(request("local", 1, 0.8, 0, 0));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.open() == 1);
		future.cancel(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.open() == 0);
		assertThat(future).isCancelled();
	}

	/** A source of the catalog as the strategies get it. */
	private record CandidateSourceCall(ModelCatalog catalog, RequestScope scope) {

		CompletableFuture<List<Candidate>> generate(GenerationRequest request) {
			return this.catalog.source(request.model(), this.scope).generate(request).toCompletableFuture();
		}

	}

}
