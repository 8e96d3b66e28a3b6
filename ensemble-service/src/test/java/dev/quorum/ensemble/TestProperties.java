// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Binds {@link EnsembleProperties} from a few settings, with every default applied, as
 * the application would.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * Binds the settings.
	 * @param settings property names under {@code quorum.ensemble.} and values
	 * @return the properties
	 */
	public static EnsembleProperties bind(Map<String, String> settings) {
		Map<String, String> all = new LinkedHashMap<>();
		settings.forEach((name, value) -> all.put("quorum.ensemble." + name, value));
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("quorum.ensemble",
				EnsembleProperties.class);
	}

}
