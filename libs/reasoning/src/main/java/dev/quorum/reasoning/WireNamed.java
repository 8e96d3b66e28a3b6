// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant with a wire name: its name in lower case, {@code _} written as
 * {@code -} ({@code GENRM_COT} is {@code genrm-cot}).
 */
public interface WireNamed {

	/**
	 * The wire name.
	 * @return the lower-case, dash-separated name
	 */
	default String wireName() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Finds a constant by wire name, ignoring case and surrounding spaces.
	 * @param <E> the enum type
	 * @param values the constants
	 * @param name the name to look up
	 * @param field the request field, for the error message
	 * @return the constant
	 * @throws IllegalArgumentException naming the field and listing the accepted names
	 */
	static <E extends Enum<E> & WireNamed> E parse(E[] values, String name, String field) {
		for (E value : values) {
			if (name != null && value.wireName().equalsIgnoreCase(name.strip())) {
				return value;
			}
		}
		String known = Arrays.stream(values).map(WireNamed::wireName).collect(Collectors.joining(", "));
		throw new IllegalArgumentException("unknown " + field + " '" + name + "'; expected one of " + known);
	}

}
