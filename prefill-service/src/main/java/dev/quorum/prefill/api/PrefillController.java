// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill.api;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/v1/prefill}. Internal: the gateway has no route to it;
 * decode-service calls it when a prompt's uncached part is long enough to be worth
 * computing elsewhere.
 */
@RestController
class PrefillController {

	private final PrefillHandler handler;

	PrefillController(PrefillHandler handler) {
		this.handler = handler;
	}

	@PostMapping(path = "/internal/v1/prefill", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<PrefillResponseBody> prefill(@RequestBody PrefillRequestBody body) {
		return Mono.defer(() -> this.handler.prefill(body));
	}

}
