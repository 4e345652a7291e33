package dev.assistants4j.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.assistants4j.client.observation.AssistantsObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link AssistantsObservationConvention}: the observation {@code assistants4j.client.operation},
 * named after the operation in traces, with low-cardinality key values only, since every one of them is
 * bounded (the URI is the template, never an id).
 */
public class DefaultAssistantsObservationConvention implements AssistantsObservationConvention {

	/**
	 * The name of the observation, and of the timer Micrometer derives from it.
	 */
	public static final String NAME = "assistants4j.client.operation";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(AssistantsObservationContext context) {
		return context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AssistantsObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.METHOD, context.getMethod()),
				KeyValue.of(LowCardinalityKeyNames.URI, context.getUriTemplate()),
				KeyValue.of(LowCardinalityKeyNames.STATUS, status(context)),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(context)),
				KeyValue.of(LowCardinalityKeyNames.ERROR, error(context)));
	}

	/**
	 * Returns the status code, or {@code NONE} when no response arrived.
	 * @param context the operation's context
	 * @return the status key value
	 */
	protected String status(AssistantsObservationContext context) {
		Integer status = context.getStatus();
		return (status != null) ? status.toString() : "NONE";
	}

	/**
	 * Returns {@code SUCCESS}, {@code CLIENT_ERROR} or {@code SERVER_ERROR} from the status; {@code CANCELLED}
	 * when the subscriber cancelled; {@code UNKNOWN} when no response arrived; {@code ERROR} when a successful
	 * response could not be read (a malformed body, an {@code error} event in a stream).
	 * @param context the operation's context
	 * @return the outcome key value
	 */
	protected String outcome(AssistantsObservationContext context) {
		if (context.isCancelled()) {
			return "CANCELLED";
		}
		Integer status = context.getStatus();
		if (status == null) {
			return "UNKNOWN";
		}
		if (status >= 500) {
			return "SERVER_ERROR";
		}
		if (status >= 400) {
			return "CLIENT_ERROR";
		}
		return (context.getError() != null) ? "ERROR" : "SUCCESS";
	}

	/**
	 * Returns the simple class name of the error the operation ended with, or {@code none}.
	 * @param context the operation's context
	 * @return the error key value
	 */
	protected String error(AssistantsObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? error.getClass().getSimpleName() : NONE;
	}

}
