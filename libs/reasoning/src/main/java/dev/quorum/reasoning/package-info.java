// SPDX-License-Identifier: Apache-2.0
/**
 * Reasoning strategies as plain Java: the shared error type lives here, the features in
 * the subpackages.
 */
package dev.quorum.reasoning;
