// SPDX-License-Identifier: Apache-2.0
/**
 * From a parsed OpenAI request to engine events: prompt tokens, sampling, prefix KV, the
 * engine run.
 */
package dev.quorum.decode.generate;
