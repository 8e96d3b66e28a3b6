// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.api;

import java.util.concurrent.atomic.AtomicReference;

import dev.quorum.openai.parse.RequestBodies;
import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.metrics.VerifierMetrics;
import dev.quorum.verifier.score.CandidateScore;
import dev.quorum.verifier.score.VerificationService;
import dev.quorum.verifier.score.VerifyJob;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/verify}: scores candidate solutions to a question with GenRM, GenRM-CoT
 * or the reference rule. Parsing and scoring maths are cheap and run on the event loop;
 * the model runs in decode-service.
 */
@RestController
class VerifyController {

	private final VerifyRequests requests;

	private final VerificationService service;

	private final VerifierMetrics metrics;

	VerifyController(VerifierProperties properties, VerificationService service, VerifierMetrics metrics) {
		this.requests = new VerifyRequests(properties);
		this.service = service;
		this.metrics = metrics;
	}

	@PostMapping("/v1/verify")
	Mono<VerifyResponse> verify(@RequestBody(required = false) byte[] body) {
		AtomicReference<String> method = new AtomicReference<>("unknown");
		return this.metrics.timed("verify", method::get, Mono.defer(() -> {
			VerifyJob job = this.requests.parse(RequestBodies.readTree(body));
			method.set(job.method().wireName());
			return this.service.verify(job);
		}).map((verification) -> {
			for (CandidateScore score : verification.scores()) {
				this.metrics.score(method.get(), score.score().score(), score.score().signal());
			}
			return VerifyResponse.of(verification);
		}));
	}

}
