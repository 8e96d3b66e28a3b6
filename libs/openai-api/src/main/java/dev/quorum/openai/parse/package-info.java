// SPDX-License-Identifier: Apache-2.0
/**
 * Strict request parsing: JSON trees to typed requests, or a 400 naming the field at
 * fault.
 */
package dev.quorum.openai.parse;
