// SPDX-License-Identifier: Apache-2.0
/**
 * HTTP API of verifier-service: {@code POST /v1/verify} and {@code POST /v1/rewards}
 * (OpenRLHF's remote reward model).
 */
package dev.quorum.verifier.api;
