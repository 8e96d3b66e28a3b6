// SPDX-License-Identifier: Apache-2.0
/**
 * API-key authentication: bearer keys checked against configured SHA-256 hashes.
 */
package dev.quorum.gateway.auth;
