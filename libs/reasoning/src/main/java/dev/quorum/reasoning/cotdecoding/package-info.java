// SPDX-License-Identifier: Apache-2.0
/**
 * CoT-decoding (Wang and Zhou 2024): answer-span probability margins and branch
 * selection.
 */
package dev.quorum.reasoning.cotdecoding;
