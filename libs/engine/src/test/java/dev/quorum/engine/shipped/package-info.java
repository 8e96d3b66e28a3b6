// SPDX-License-Identifier: Apache-2.0
/**
 * The shipped models against their PyTorch reference.
 */
package dev.quorum.engine.shipped;
