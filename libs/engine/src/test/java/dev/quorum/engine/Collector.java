// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records a request's events for assertions.
 */
public final class Collector implements TokenListener {

	private final List<GenerationEvent> events = new ArrayList<>();

	private GenerationHandle handle;

	@Override
	public synchronized void onEvent(GenerationEvent event) {
		this.events.add(event);
	}

	/**
	 * Submits a request to an engine with this collector.
	 * @param engine the engine
	 * @param request the request
	 * @return this collector
	 */
	public Collector submit(Engine engine, GenerationRequest request) {
		this.handle = engine.submit(request, this);
		return this;
	}

	/**
	 * The handle of the submitted request.
	 * @return the handle
	 */
	public GenerationHandle handle() {
		return this.handle;
	}

	/**
	 * Waits for the completion event.
	 * @return this collector
	 */
	public Collector await() {
		try {
			this.handle.completion().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("request did not complete", ex);
		}
		return this;
	}

	/**
	 * All events.
	 * @return a copy
	 */
	public synchronized List<GenerationEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Token ids of one choice.
	 * @param choice the choice
	 * @return the ids, in order
	 */
	public synchronized int[] tokens(int choice) {
		return this.events.stream()
			.filter((e) -> e instanceof GenerationEvent.Token t && t.choice() == choice)
			.mapToInt((e) -> ((GenerationEvent.Token) e).tokenId())
			.toArray();
	}

	/**
	 * Token events of one choice.
	 * @param choice the choice
	 * @return the events
	 */
	public synchronized List<GenerationEvent.Token> tokenEvents(int choice) {
		return this.events.stream()
			.filter((e) -> e instanceof GenerationEvent.Token t && t.choice() == choice)
			.map(GenerationEvent.Token.class::cast)
			.toList();
	}

	/**
	 * All text of one choice, including the text released at its end.
	 * @param choice the choice
	 * @return the text
	 */
	public synchronized String text(int choice) {
		StringBuilder sb = new StringBuilder();
		for (GenerationEvent e : this.events) {
			if (e instanceof GenerationEvent.Token t && t.choice() == choice) {
				sb.append(t.text());
			}
			if (e instanceof GenerationEvent.ChoiceFinished f && f.choice() == choice) {
				sb.append(f.text());
			}
		}
		return sb.toString();
	}

	/**
	 * The end of one choice.
	 * @param choice the choice
	 * @return the event
	 */
	public synchronized GenerationEvent.ChoiceFinished finish(int choice) {
		return this.events.stream()
			.filter((e) -> e instanceof GenerationEvent.ChoiceFinished f && f.choice() == choice)
			.map(GenerationEvent.ChoiceFinished.class::cast)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The completion event.
	 * @return the event
	 */
	public synchronized GenerationEvent.Completed completed() {
		return (GenerationEvent.Completed) this.events.get(this.events.size() - 1);
	}

}
