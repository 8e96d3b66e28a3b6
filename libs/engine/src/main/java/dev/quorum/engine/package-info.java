// SPDX-License-Identifier: Apache-2.0
/**
 * The engine's public API: load a model, start an engine, submit requests, receive token
 * events, cancel.
 */
package dev.quorum.engine;
