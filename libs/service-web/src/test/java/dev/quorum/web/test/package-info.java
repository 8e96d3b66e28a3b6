// SPDX-License-Identifier: Apache-2.0
/**
 * Test code every Quorum service reuses (published as quorum-service-web's test-jar).
 */
package dev.quorum.web.test;
