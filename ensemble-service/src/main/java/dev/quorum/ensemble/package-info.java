// SPDX-License-Identifier: Apache-2.0
/**
 * ensemble-service: Reasoning strategies (self-consistency, CoT-decoding, best-of-N,
 * ensembles) behind /v1/reason.
 */
package dev.quorum.ensemble;
