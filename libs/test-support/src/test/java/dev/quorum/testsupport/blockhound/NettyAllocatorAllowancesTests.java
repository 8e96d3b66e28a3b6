// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.blockhound;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import reactor.blockhound.integration.BlockHoundIntegration;

import static org.assertj.core.api.Assertions.assertThat;

class NettyAllocatorAllowancesTests {

	@Test
	void blockHoundFindsTheAllowancesThroughTheServiceLoader() {
		assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
			.contains(NettyAllocatorAllowances.class);
	}

}
