// SPDX-License-Identifier: Apache-2.0
/**
 * Resilience settings every service binds the same way.
 */
package dev.quorum.web.resilience;
