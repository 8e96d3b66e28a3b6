// SPDX-License-Identifier: Apache-2.0
/**
 * Prompt styles the shipped models were trained on.
 */
package dev.quorum.reasoning.prompt;
