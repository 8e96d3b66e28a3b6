// SPDX-License-Identifier: Apache-2.0
/**
 * Routes to the backends, each behind a circuit breaker and time limits.
 */
package dev.quorum.gateway.route;
