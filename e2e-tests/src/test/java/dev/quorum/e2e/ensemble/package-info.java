// SPDX-License-Identifier: Apache-2.0
/**
 * Reasoning strategies end to end: /v1/reason and strategy chat models through the
 * gateway, on the shipped models, with an external backend and a backend that is down.
 */
package dev.quorum.e2e.ensemble;
