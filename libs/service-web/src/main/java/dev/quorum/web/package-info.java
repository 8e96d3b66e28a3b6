// SPDX-License-Identifier: Apache-2.0
/**
 * What every Quorum WebFlux service shares, auto-configured.
 */
package dev.quorum.web;
