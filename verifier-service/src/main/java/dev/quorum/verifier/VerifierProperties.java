// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of verifier-service under {@code quorum.verifier}; each one can be set from
 * the environment, e.g. {@code QUORUM_VERIFIER_DECODEURI}.
 *
 * @param decodeUri Base URI of decode-service, which serves the verifier model.
 * @param model Verifier model id served by decode-service.
 */
@Validated
@ConfigurationProperties("quorum.verifier")
public record VerifierProperties(
		/** Base URI of decode-service, which serves the verifier model. */
		@NotNull @DefaultValue("http://localhost:8081") URI decodeUri,

		/** Verifier model id served by decode-service. */
		@NotBlank @DefaultValue("tiny-verifier") String model) {

}
