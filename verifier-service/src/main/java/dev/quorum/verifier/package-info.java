// SPDX-License-Identifier: Apache-2.0
/**
 * verifier-service: GenRM and rule-based verifiers behind /v1/verify and /v1/rewards.
 */
package dev.quorum.verifier;
