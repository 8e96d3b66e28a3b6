// SPDX-License-Identifier: Apache-2.0
/**
 * End-to-end tests of verifier-service on the shipped tiny-verifier: GenRM, reference
 * checks, rewards through the gateway.
 */
package dev.quorum.e2e.verifier;
