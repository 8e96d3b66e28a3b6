// SPDX-License-Identifier: Apache-2.0
/**
 * The GenRM verifier as a client of verifier-service.
 */
package dev.quorum.ensemble.verify;
