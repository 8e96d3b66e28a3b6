// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.metrics.VerifierMetrics;
import dev.quorum.verifier.score.RewardSample;
import dev.quorum.verifier.score.RewardScore;
import dev.quorum.verifier.score.RewardService;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/rewards}: OpenRLHF's remote reward model ({@code --reward.remote_url}),
 * so the verifier that picks Best-of-N at inference also rewards RL fine-tuning. Through
 * the gateway it needs an API key (OpenRLHF's own reference server has none).
 */
@RestController
class RewardsController {

	private final RewardsRequests requests;

	private final RewardService service;

	private final VerifierMetrics metrics;

	private final String model;

	RewardsController(VerifierProperties properties, RewardService service, VerifierMetrics metrics) {
		this.requests = new RewardsRequests(properties);
		this.service = service;
		this.metrics = metrics;
		this.model = properties.model();
	}

	@PostMapping("/v1/rewards")
	Mono<RewardsResponse> rewards(@RequestBody(required = false) byte[] body) {
		AtomicReference<String> method = new AtomicReference<>("unknown");
		return this.metrics.timed("rewards", method::get, Mono.defer(() -> {
			List<RewardSample> samples = this.requests.parse(RequestBodies.readTree(body));
			method.set(method(samples));
			return this.service.rewards(this.model, samples);
		}).map((rewards) -> {
			for (RewardScore score : rewards.scores()) {
				this.metrics.score(score.byReference() ? "reference" : "genrm", score.reward(), score.signal());
			}
			return RewardsResponse.of(rewards);
		}).onErrorMap(RewardsController::blameTheQuery));
	}

	/**
	 * A prompt the verifier model refused is, on this endpoint, the fault of a query.
	 */
	private static Throwable blameTheQuery(Throwable failure) {
		if (failure instanceof ApiException api && "candidates".equals(api.param())) {
			return ApiException.invalidRequest("query", api.getMessage());
		}
		return failure;
	}

	private static String method(List<RewardSample> samples) {
		long labelled = samples.stream().filter((s) -> s.label() != null).count();
		return (labelled == samples.size()) ? "reference" : (labelled == 0) ? "genrm" : "mixed";
	}

}
