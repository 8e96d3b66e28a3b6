// SPDX-License-Identifier: Apache-2.0
/**
 * Chat templates that turn a list of messages into the prompt text a model was trained
 * on.
 */
package dev.quorum.engine.chat;
