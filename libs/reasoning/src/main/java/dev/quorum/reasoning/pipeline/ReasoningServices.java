// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.prompt.PromptCatalog;
import dev.quorum.reasoning.strategy.VerifierSpec;
import dev.quorum.reasoning.verify.Verifier;

/**
 * What the orchestrators need from the service around them.
 *
 * @param sources the candidate source of a model name, {@code null} for an unknown model
 * @param verifiers the verifier for a GenRM spec, {@code null} when unavailable; the
 * {@code reference} method is built from the request's gold answer instead
 * @param timer deadline signals
 * @param nanoTime a monotonic clock in nanoseconds, for timings
 * @param prompts prompt templates per model
 * @param canonicalizer answer equivalence
 */
public record ReasoningServices(Function<String, CandidateSource> sources, Function<VerifierSpec, Verifier> verifiers,
		DeadlineTimer timer, LongSupplier nanoTime, PromptCatalog prompts, Canonicalizer canonicalizer) {

	/**
	 * Services with the wall-clock timer, built-in prompts and the standard
	 * canonicalizer.
	 * @param sources the candidate sources by model
	 * @param verifiers the GenRM verifiers by spec
	 * @return the services
	 */
	public static ReasoningServices of(Function<String, CandidateSource> sources,
			Function<VerifierSpec, Verifier> verifiers) {
		return new ReasoningServices(sources, verifiers, DeadlineTimer.system(), System::nanoTime,
				PromptCatalog.builtIn(), Canonicalizer.standard());
	}

}
