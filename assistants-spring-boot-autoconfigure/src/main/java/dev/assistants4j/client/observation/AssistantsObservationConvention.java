package dev.assistants4j.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention that names and tags the observation of a client operation; implement it, or extend
 * {@link DefaultAssistantsObservationConvention}, to change the key values.
 */
public interface AssistantsObservationConvention extends ObservationConvention<AssistantsObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AssistantsObservationContext;
	}

}
