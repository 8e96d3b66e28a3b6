// SPDX-License-Identifier: Apache-2.0
/**
 * A real Redis for tests: Testcontainers when a Docker engine answers, else a
 * {@code redis-server} process on a free port.
 */
package dev.quorum.testsupport.redis;
