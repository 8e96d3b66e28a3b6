// SPDX-License-Identifier: Apache-2.0
/**
 * The command line: {@code generate}, {@code info} and {@code tokenize}.
 */
package dev.quorum.engine.cli;
