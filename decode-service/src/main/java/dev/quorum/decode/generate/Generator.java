// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.generate;

import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationHandle;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.openai.ApiException;
import dev.quorum.serving.ServedModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * Runs a request on a model's engine and turns its listener callbacks into a
 * {@link Flux}. The engine calls back on its own thread; events are handed to {@code cpu}
 * so that nothing downstream (JSON, network writes) runs on the engine thread. Cancelling
 * the flux — a client that went away — cancels the request, which frees its KV blocks.
 */
public final class Generator {

	private final Scheduler cpu;

	/**
	 * Creates the generator.
	 * @param cpu where events are delivered
	 */
	public Generator(Scheduler cpu) {
		this.cpu = cpu;
	}

	/**
	 * Submits a request; the flux ends after the {@link GenerationEvent.Completed} event.
	 * @param model the served model
	 * @param request the engine request
	 * @return the engine's events
	 */
	public Flux<GenerationEvent> run(ServedModel model, GenerationRequest request) {
		return Flux.<GenerationEvent>create((sink) -> {
			GenerationHandle handle;
			try {
				handle = model.engine().submit(request, (event) -> {
					sink.next(event);
					if (event instanceof GenerationEvent.Completed) {
						sink.complete();
					}
				});
			}
			catch (IllegalArgumentException ex) {
				sink.error(ApiException.invalidRequest(null, ex.getMessage()));
				return;
			}
			sink.onCancel(handle::cancel);
		}, FluxSink.OverflowStrategy.BUFFER).publishOn(this.cpu, 256);
	}

}
