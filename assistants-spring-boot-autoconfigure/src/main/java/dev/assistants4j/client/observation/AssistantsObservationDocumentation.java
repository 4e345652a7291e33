package dev.assistants4j.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the client makes: one per operation, around all of its attempts; each attempt is also
 * observed by the {@code WebClient} as {@code http.client.requests}, a child of this one, when its builder has
 * an observation registry.
 */
public enum AssistantsObservationDocumentation implements ObservationDocumentation {

	/**
	 * One client operation, from subscription until its answer is read, or for a stream until {@code done},
	 * an error or a cancellation. Each retry is recorded as the event {@code retry}.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAssistantsObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return new Observation.Event[] { RETRY };
		}

	};

	/**
	 * The event recorded each time an operation is sent again after a retryable failure.
	 */
	public static final Observation.Event RETRY = Observation.Event.of("retry", "request sent again");

	/**
	 * The low-cardinality keys of {@link #CLIENT_OPERATION}.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, such as {@code assistants.retrieve} or {@code runs.createStream}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * The HTTP method.
		 */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/**
		 * The URI template relative to the base URL, such as {@code /threads/{thread_id}/runs}.
		 */
		URI {
			@Override
			public String asString() {
				return "uri";
			}
		},

		/**
		 * The status code of the last response, or {@code NONE}.
		 */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/**
		 * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code ERROR}, {@code CANCELLED} or
		 * {@code UNKNOWN}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The simple class name of the error, or {@code none}.
		 */
		ERROR {
			@Override
			public String asString() {
				return "error";
			}
		}

	}

}
