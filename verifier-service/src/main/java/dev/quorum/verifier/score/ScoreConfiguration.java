// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import dev.quorum.verifier.VerifierProperties;
import dev.quorum.verifier.backend.CompletionBackend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the scorers on the backend.
 */
@Configuration(proxyBeanMethods = false)
class ScoreConfiguration {

	@Bean
	GenRmScorer genRmScorer(CompletionBackend backend, VerifierProperties properties) {
		return new GenRmScorer(backend, properties);
	}

	@Bean
	VerificationService verificationService(GenRmScorer genrm) {
		return new VerificationService(genrm, Answers.standard());
	}

	@Bean
	RewardService rewardService(GenRmScorer genrm) {
		return new RewardService(genrm, Answers.standard());
	}

}
