// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

/**
 * One earlier message of a conversation, passed through to the sources untouched.
 *
 * @param role the role ({@code system}, {@code user}, {@code assistant}, ...)
 * @param content the message text
 */
public record Turn(String role, String content) {
}
