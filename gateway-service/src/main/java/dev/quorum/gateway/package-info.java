// SPDX-License-Identifier: Apache-2.0
/**
 * gateway-service: the platform's front door (Spring Cloud Gateway on WebFlux).
 */
package dev.quorum.gateway;
