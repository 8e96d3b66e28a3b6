// SPDX-License-Identifier: Apache-2.0
/**
 * BlockHound allowances shared by the modules whose tests run under BlockHound.
 */
package dev.quorum.testsupport.blockhound;
