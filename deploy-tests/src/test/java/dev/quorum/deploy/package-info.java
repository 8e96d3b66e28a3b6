// SPDX-License-Identifier: Apache-2.0
/**
 * Checks of the deployment assets: Helm chart, compose file, launch scripts.
 */
package dev.quorum.deploy;
