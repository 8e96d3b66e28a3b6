// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BlockHound is installed for every test of this module (blockhound-junit-platform): a
 * blocking call on a non-blocking thread, such as a Netty event loop serving the wire
 * tests, fails the test that makes it.
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
