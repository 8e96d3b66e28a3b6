// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ensemble-service under {@code quorum.ensemble}; each one can be set from
 * the environment, e.g. {@code QUORUM_ENSEMBLE_DECODEURI}.
 *
 * @param decodeUri Base URI of decode-service for local models.
 * @param verifierUri Base URI of verifier-service.
 */
@Validated
@ConfigurationProperties("quorum.ensemble")
public record EnsembleProperties(
		/** Base URI of decode-service for local models. */
		@NotNull @DefaultValue("http://localhost:8081") URI decodeUri,

		/** Base URI of verifier-service. */
		@NotNull @DefaultValue("http://localhost:8083") URI verifierUri) {

}
