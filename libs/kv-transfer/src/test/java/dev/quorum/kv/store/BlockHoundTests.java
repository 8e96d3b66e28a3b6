// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BlockHound is installed for every test of this module (blockhound-junit-platform), so
 * the store tests would fail on a blocking call on a non-blocking thread (Reactor's
 * parallel threads, Lettuce's Netty event loops). This checks that it is active.
 */
class BlockHoundTests {

	@Test
	void blockingOnANonBlockingThreadIsDetected() {
		Mono<Void> blocking = Mono.fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.parallel()).then();
		assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5))).hasMessageContaining("Blocking call");
	}

}
