// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire tests run under BlockHound (blockhound-junit-platform installs it for every
 * test of this module), so a blocking call on an event loop fails them. This shows it is
 * on: blocking on a non-blocking thread is caught.
 */
class BlockHoundTests {

	@Test
	void blockingOnANonBlockingThreadIsCaught() {
		Mono<String> blocking = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5))).hasMessageContaining("Blocking call");
	}

}
