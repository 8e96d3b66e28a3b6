// SPDX-License-Identifier: Apache-2.0
/**
 * OpenAI-compatible wire records, named after the components of OpenAI's OpenAPI spec.
 */
package dev.quorum.openai;
