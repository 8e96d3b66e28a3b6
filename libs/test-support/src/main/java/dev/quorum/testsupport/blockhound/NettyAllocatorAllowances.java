// SPDX-License-Identifier: Apache-2.0
package dev.quorum.testsupport.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Netty's adaptive buffer allocator take its magazine lock under BlockHound. The
 * allocator guards a shared magazine with a {@code StampedLock} held for a few
 * instructions; when two threads meet there, the loser parks and BlockHound reports a
 * blocking call. Netty 4.2 does not allow-list it yet (Armeria added the same rule), and
 * a test server writing a reply from Reactor's parallel scheduler failed on it once in a
 * CI run. Loaded by BlockHound through {@link java.util.ServiceLoader}.
 */
public final class NettyAllocatorAllowances implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
	}

}
