// SPDX-License-Identifier: Apache-2.0
/**
 * Strategy names, specifications, defaults and caps.
 */
package dev.quorum.reasoning.strategy;
